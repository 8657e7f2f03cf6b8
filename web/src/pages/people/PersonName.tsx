import { Text, UnstyledButton } from '@mantine/core';
import { identifiersOf, labelOf, type Person } from './person';

/**
 * A person in a list: their label (name, email or ID) as a button that opens them, with the
 * identifiers that tell them apart beneath.
 */
export function PersonName({
  person,
  onOpen,
}: {
  person: Pick<Person, 'attributes' | 'email' | 'id' | 'cioId'>;
  onOpen: (cioId: string) => void;
}) {
  const label = labelOf(person);
  return (
    <>
      <UnstyledButton onClick={() => onOpen(person.cioId)} aria-label={`Open ${label}`}>
        <Text size="sm" fw={600} c="indigo.8">
          {label}
        </Text>
      </UnstyledButton>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {identifiersOf(person)}
      </Text>
    </>
  );
}
