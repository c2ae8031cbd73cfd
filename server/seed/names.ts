/**
 * Name pools for the demo organization. Non-Latin names carry the
 * romanisation their owner would use for a username and an email address.
 */
export type NativeName = readonly [native: string, roman: string]

export const LATIN_FIRST = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Lisa',
  'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Steven', 'Emily', 'Paul', 'Michelle', 'Andrew',
  'Amanda', 'Joshua', 'Melissa', 'Kevin', 'Rebecca', 'Brian', 'Laura', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava',
  'Lucas', 'Mia', 'Ethan', 'Sofia', 'Mateo', 'Isabella', 'Leo', 'Hannah', 'Oscar', 'Nora', 'Felix', 'Clara',
  'Hugo', 'Ines', 'Marco', 'Giulia', 'Pieter', 'Anouk', 'Lars', 'Ingrid', 'Aisha', 'Kwame', 'Priya', 'Arjun',
  'Tomasz', 'Katarzyna', 'Diego', 'Camila', 'Samuel', 'Grace',
] as const

export const LATIN_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas',
  'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker',
  'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell',
  'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart',
  'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard',
  'Rossi', 'Bianchi', 'Jansen', 'de Vries', 'van der Berg', 'Novak', 'Kowalski', 'Hansen', 'Larsen', 'Schmidt',
  'Fischer', 'Weber', 'Dubois', 'Moreau', 'Silva', 'Santos', 'Okafor', 'Mensah', 'Patel', 'Sharma', 'Nguyen',
] as const

export const ACCENTED_FIRST = [
  'José', 'Zoë', 'François', 'Søren', 'Łukasz', 'Björn', 'Renée', 'Chloé', 'Íñigo', 'Małgorzata', 'Jürgen',
  'Ömer', 'Çağla', 'Dagný', 'Noémie', 'Élodie', 'André', 'Hélène', 'Joël', 'Åsa', 'Ján', 'Tomáš', 'Zoé', 'Raúl',
] as const

export const ACCENTED_LAST = [
  'García', 'Müller', 'Núñez', 'Schröder', 'Łukasiewicz', 'Håkansson', 'Dvořák', 'Pérez', 'Gómez', 'Fernández',
  'Jørgensen', 'Lefèvre', 'Çelik', 'Yılmaz', 'Šimić', 'Öztürk', 'Gonçalves', 'Bäcker', 'Ångström', 'Nováková',
] as const

export const APOSTROPHE_LAST = ["O'Brien", "O'Connor", "D'Angelo", "O'Neill", "D'Souza", "Dell'Orto", "N'Diaye", "O'Sullivan"] as const

export const HYPHEN_FIRST = ['Anne-Marie', 'Jean-Luc', 'Mary-Kate', 'Hans-Peter', 'Jean-François', 'Marie-Claire', 'Li-Na'] as const

export const HYPHEN_LAST = ['Smith-Jones', 'Garcia-Lopez', 'Müller-Lüdenscheidt', 'Taylor-Brown', 'Ben-David', 'Lloyd-Webber', 'Ruiz-Picasso'] as const

export const GREEK_FIRST: NativeName[] = [['Γιώργος', 'Giorgos'], ['Μαρία', 'Maria'], ['Νίκος', 'Nikos'], ['Ελένη', 'Eleni'], ['Δημήτρης', 'Dimitris'], ['Σοφία', 'Sofia']]
export const GREEK_LAST: NativeName[] = [['Παπαδόπουλος', 'Papadopoulos'], ['Ιωάννου', 'Ioannou'], ['Νικολάου', 'Nikolaou'], ['Γεωργίου', 'Georgiou'], ['Οικονόμου', 'Oikonomou']]

export const CYRILLIC_FIRST: NativeName[] = [['Иван', 'Ivan'], ['Ольга', 'Olga'], ['Дмитрий', 'Dmitry'], ['Анна', 'Anna'], ['Сергей', 'Sergey'], ['Наталья', 'Natalya'], ['Олександр', 'Oleksandr']]
export const CYRILLIC_LAST: NativeName[] = [['Петров', 'Petrov'], ['Смирнова', 'Smirnova'], ['Кузнецов', 'Kuznetsov'], ['Шевченко', 'Shevchenko'], ['Волкова', 'Volkova'], ['Попов', 'Popov']]

/** Chinese, Japanese and Korean: the full name is written family name first, without a space. */
export const CJK_FIRST: NativeName[] = [['伟', 'Wei'], ['芳', 'Fang'], ['静', 'Jing'], ['强', 'Qiang'], ['花子', 'Hanako'], ['太郎', 'Taro'], ['結衣', 'Yui'], ['민준', 'Minjun'], ['서연', 'Seoyeon']]
export const CJK_LAST: NativeName[] = [['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['陈', 'Chen'], ['田中', 'Tanaka'], ['佐藤', 'Sato'], ['鈴木', 'Suzuki'], ['김', 'Kim'], ['박', 'Park']]

export const ARABIC_FIRST: NativeName[] = [['محمد', 'Mohammed'], ['فاطمة', 'Fatima'], ['أحمد', 'Ahmed'], ['ليلى', 'Layla'], ['عمر', 'Omar'], ['نور', 'Nour']]
export const ARABIC_LAST: NativeName[] = [['العلي', 'Al-Ali'], ['حسن', 'Hassan'], ['الخطيب', 'Al-Khatib'], ['منصور', 'Mansour'], ['الحربي', 'Al-Harbi']]

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'city.example.gov', 'uni.example.edu'] as const
