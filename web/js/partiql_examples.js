// The PartiQL mode's ready statements, as data: its picker lists them in this order. They work
// against the Music table the JSON examples make (CreateTable, then BatchWriteItem's two Acme
// Band songs), and sent top to bottom they leave the table as they found it: the INSERT adds
// a song, UPDATE changes it and DELETE removes it, so the list can be run again.
//
// `parameters` are AttributeValues in DynamoDB JSON, one per `?` in order, as ExecuteStatement's
// Parameters take them.

export const PARTIQL_EXAMPLES = [
  {
    name: 'SELECT by key',
    summary:
      'The whole primary key by equality: runs as a GetItem (one item or none). Each ? takes the ' +
      'next of the parameters.',
    statement: 'SELECT * FROM "Music" WHERE Artist = ? AND SongTitle = ?',
    parameters: [{ S: 'Acme Band' }, { S: 'Happy Day' }],
  },
  {
    name: 'SELECT with a filter',
    summary:
      'The partition key by equality runs as a Query; the rest of the WHERE clause filters the ' +
      'items it reads (and pays for).',
    statement: 'SELECT SongTitle, Awards FROM "Music" WHERE Artist = \'Acme Band\' AND Awards > 0',
  },
  {
    name: 'INSERT',
    summary:
      'Writes a new song. A second INSERT of the same key is a DuplicateItemException: INSERT ' +
      'never overwrites.',
    statement: 'INSERT INTO "Music" VALUE {\'Artist\': \'Acme Band\', \'SongTitle\': \'Sunny Side\', \'Awards\': 0}',
  },
  {
    name: 'UPDATE SET',
    summary:
      'Counts an award for the inserted song (an UpdateItem on its whole key) and returns what ' +
      'changed. A missing item is a ConditionalCheckFailedException.',
    statement:
      'UPDATE "Music" SET Awards = Awards + 1 WHERE Artist = \'Acme Band\' AND SongTitle = \'Sunny Side\' RETURNING MODIFIED NEW *',
  },
  {
    name: 'DELETE',
    summary: 'Deletes the inserted song by its whole key and returns it as it was.',
    statement: 'DELETE FROM "Music" WHERE Artist = \'Acme Band\' AND SongTitle = \'Sunny Side\' RETURNING ALL OLD *',
  },
  {
    name: 'SELECT every item',
    summary:
      'No key in the WHERE clause (here no WHERE at all): a Scan. Set Limit to read a page at a ' +
      'time; Next page follows NextToken.',
    statement: 'SELECT * FROM "Music"',
  },
];

/** The example's parameters as the parameters box shows them: a JSON list, or empty. */
export function partiqlParametersText(example) {
  return example.parameters ? JSON.stringify(example.parameters) : '';
}
