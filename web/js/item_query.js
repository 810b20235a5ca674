// The Query the item browser's form describes, as the request a user would write by hand:
// the partition key by equality, an optional sort key condition and an optional filter on any
// attribute. Names and values always go through ExpressionAttributeNames and
// ExpressionAttributeValues, so reserved words ("Year", "Name") need no thought.

export const SORT_CONDITIONS = ['=', '<', '<=', '>', '>=', 'begins_with', 'between'];
export const FILTER_CONDITIONS = ['=', '<>', '<', '<=', '>', '>=', 'begins_with', 'contains', 'attribute_exists', 'attribute_not_exists'];

function attributeValue(type, text) {
  if (type === 'N') return { N: text.trim() };
  if (type === 'B') return { B: text.trim() };
  return { S: text };
}

export const FILTER_TYPES = [
  ['auto', 'guess the type'],
  ['S', 'as a string'],
  ['N', 'as a number'],
  ['BOOL', 'as true/false'],
];

// A filter value is written as text. By default digits read as a number and true/false as a
// boolean; a type chosen in the form wins (a zip code "02134" is a string).
function filterValue(text, type = 'auto') {
  if (type === 'S') return { S: text };
  if (type === 'N') return { N: text.trim() };
  if (type === 'BOOL') return { BOOL: text.trim() === 'true' };
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return { N: text.trim() };
  if (text === 'true' || text === 'false') return { BOOL: text === 'true' };
  return { S: text };
}

function condition(operator, name, value, secondValue) {
  if (operator === 'begins_with' || operator === 'contains') return `${operator}(${name}, ${value})`;
  if (operator === 'between') return `${name} BETWEEN ${value} AND ${secondValue}`;
  if (operator === 'attribute_exists' || operator === 'attribute_not_exists') return `${operator}(${name})`;
  return `${name} ${operator} ${value}`;
}

/**
 * `keys` is `{ partition: {name, type}, sort?: {name, type} }` from the table's (or index's)
 * key schema; `form` is `{ partitionValue, sortOperator, sortValue, sortValue2, filterName,
 * filterOperator, filterValue, filterType }`, '' where not filled in (filterType: auto, S, N or
 * BOOL). Returns the Query input.
 */
export function buildQuery(tableName, keys, form, extra = {}) {
  const names = { '#pk': keys.partition.name };
  const values = { ':pk': attributeValue(keys.partition.type, form.partitionValue ?? '') };
  let keyCondition = '#pk = :pk';
  if (keys.sort && form.sortOperator && form.sortOperator !== 'any') {
    names['#sk'] = keys.sort.name;
    values[':sk'] = attributeValue(keys.sort.type, form.sortValue ?? '');
    if (form.sortOperator === 'between') values[':sk2'] = attributeValue(keys.sort.type, form.sortValue2 ?? '');
    keyCondition += ` AND ${condition(form.sortOperator, '#sk', ':sk', ':sk2')}`;
  }
  const input = { TableName: tableName, KeyConditionExpression: keyCondition };
  if (form.filterName && form.filterOperator) {
    names['#f'] = form.filterName;
    const needsValue = !form.filterOperator.startsWith('attribute_');
    if (needsValue) values[':f'] = filterValue(form.filterValue ?? '', form.filterType);
    input.FilterExpression = condition(form.filterOperator, '#f', ':f');
  }
  input.ExpressionAttributeNames = names;
  input.ExpressionAttributeValues = values;
  return { ...input, ...extra };
}
