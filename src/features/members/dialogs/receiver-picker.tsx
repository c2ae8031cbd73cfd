import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components'
import { buildTextClause } from '../api/search-query.ts'
import { memberQueries } from '../api/member-queries.ts'
import { canOwnContent } from '../domain/member-facts.ts'
import { whyCannotReceive } from '../domain/receiver-rules.ts'
import type { Member, UserType } from '../types.ts'

interface ReceiverPickerProps {
  /** Lower-cased usernames being deleted: they cannot receive. */
  deleting: ReadonlySet<string>
  userTypes: readonly UserType[]
  receiver: Member | null
  onChange(receiver: Member | null): void
  isDisabled?: boolean
}

const labelOf = (member: Member) => (member.fullName ? `${member.fullName} (${member.username})` : member.username)

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * A searchable picker of who receives the deleted members' content. It asks the
 * portal for enabled members of types that can own content (rule 9), and drops
 * anyone being deleted, so only eligible members can be picked.
 */
export function ReceiverPicker({ deleting, userTypes, receiver, onChange, isDisabled }: ReceiverPickerProps) {
  const [text, setText] = useState('')
  // Picking fills the box with the receiver's label: that is not a new search.
  const searchText = useDebounced(receiver && text === labelOf(receiver) ? '' : text, 250)
  const owningTypes = userTypes.filter((t) => canOwnContent(t)).map((t) => `userlicensetype:${t.id}`)
  const clauses = [buildTextClause(searchText, 'all'), 'disabled:false', owningTypes.length ? `(${owningTypes.join(' OR ')})` : undefined]
  const q = clauses.filter(Boolean).join(' AND ')
  const search = useQuery({ ...memberQueries.receivers(q), enabled: userTypes.length > 0 })
  const found = (search.data?.results ?? []).filter((m) => whyCannotReceive(m, deleting, userTypes) === null)
  const options = receiver && !found.some((m) => m.username === receiver.username) ? [receiver, ...found] : found

  return (
    <ComboBox
      className="receiver-picker"
      items={options}
      inputValue={text}
      onInputChange={setText}
      selectedKey={receiver?.username ?? null}
      onSelectionChange={(key) => {
        const picked = options.find((m) => m.username === key) ?? null
        onChange(picked)
        if (picked) setText(labelOf(picked))
      }}
      menuTrigger="focus"
      allowsEmptyCollection
      isDisabled={isDisabled}
    >
      <Label>Give their content to</Label>
      <div className="receiver-picker__field">
        <Input placeholder="Search by name, username or email" />
        <Button className="button button-icon" aria-label="Show eligible members">▾</Button>
      </div>
      <Text slot="description">
        Only enabled members whose user type can own content, and who are not being deleted, can receive it.
      </Text>
      <Popover className="popover receiver-picker__popover">
        <ListBox<Member>
          renderEmptyState={() => (search.isFetching ? 'Searching…' : search.error ? `Search failed: ${search.error.message}` : 'No eligible member matches.')}
        >
          {(member) => (
            <ListBoxItem id={member.username} textValue={labelOf(member)} className="receiver-picker__option">
              {labelOf(member)}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  )
}
