import { seatsLeft } from '../domain/member-facts.ts'
import type { MemberSummary } from '../hooks/use-member-selection.ts'
import type { UserType } from '../types.ts'

interface UserTypeChoicesProps {
  userTypes: readonly UserType[]
  value: string
  onChange(typeId: string): void
  members: readonly MemberSummary[]
  isDisabled?: boolean
}

/** One radio per user type, each saying how many licenses are left (rule 5). */
export function UserTypeChoices({ userTypes, value, onChange, members, isDisabled }: UserTypeChoicesProps) {
  return (
    <fieldset className="user-type-choices" disabled={isDisabled}>
      <legend>User type</legend>
      {userTypes.map((type) => {
        const left = seatsLeft(type)
        const holders = members.filter((m) => m.userLicenseTypeId === type.id).length
        const full = left === 0 && holders < members.length
        const id = `user-type-${type.id}`
        return (
          <div key={type.id} className="user-type-choices__option">
            <input
              type="radio"
              id={id}
              name="user-type"
              value={type.id}
              checked={value === type.id}
              disabled={full}
              aria-describedby={`${id}-seats`}
              onChange={() => onChange(type.id)}
            />
            <label htmlFor={id}>{type.name}</label>
            <span id={`${id}-seats`} className="user-type-choices__seats">
              {Number.isFinite(left) ? (left === 0 ? 'No licenses left' : `${left} of ${type.maxUsers} licenses left`) : ''}
              {holders ? ` · ${members.length === 1 ? 'their current type' : `${holders} of the chosen already ${holders === 1 ? 'has' : 'have'} it`}` : ''}
            </span>
          </div>
        )
      })}
    </fieldset>
  )
}
