// Items in two spellings: DynamoDB JSON (what the wire carries: {"Artist": {"S": "Acme"}}) and
// plain JSON ({"Artist": "Acme"}), the way the AWS console's item editor and the SDK's document
// client let people write them. Plain JSON cannot say everything DynamoDB JSON can (sets, binary,
// numbers beyond a double's precision), so turning an item plain reports what would be lost.

/** The plain value of one AttributeValue, and notes on what plain JSON cannot keep. */
function plainValue(value, path, losses) {
  const [type, inner] = Object.entries(value ?? {})[0] ?? [];
  switch (type) {
    case 'S':
      return inner;
    case 'N': {
      const number = Number(inner);
      if (!Number.isSafeInteger(number) && String(number) !== inner) {
        losses.push(`${path} is a number a JavaScript number cannot hold exactly`);
      }
      return number;
    }
    case 'BOOL':
      return inner;
    case 'NULL':
      return null;
    case 'L':
      return inner.map((element, at) => plainValue(element, `${path}[${at}]`, losses));
    case 'M':
      return Object.fromEntries(
        Object.entries(inner).map(([name, element]) => [name, plainValue(element, `${path}.${name}`, losses)]),
      );
    case 'SS':
    case 'NS':
    case 'BS':
      losses.push(`${path} is a set (${type}); plain JSON makes it a list`);
      return type === 'NS' ? inner.map(Number) : inner;
    case 'B':
      losses.push(`${path} is binary; plain JSON makes it a base64 string`);
      return inner;
    default:
      throw new Error(`${path} is not a DynamoDB AttributeValue`);
  }
}

/** `{ item, losses }`: the plain form of a DynamoDB JSON item and what it could not keep. */
export function toPlainItem(dynamoItem) {
  const losses = [];
  const item = Object.fromEntries(
    Object.entries(dynamoItem).map(([name, value]) => [name, plainValue(value, name, losses)]),
  );
  return { item, losses };
}

function dynamoValue(value, path) {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is not a finite number`);
    return { N: String(value) };
  }
  if (Array.isArray(value)) return { L: value.map((element, at) => dynamoValue(element, `${path}[${at}]`)) };
  if (typeof value === 'object') {
    return {
      M: Object.fromEntries(
        Object.entries(value).map(([name, element]) => [name, dynamoValue(element, `${path}.${name}`)]),
      ),
    };
  }
  throw new Error(`${path} cannot be stored`);
}

/** The DynamoDB JSON of a plain item (an object of attribute names to JSON values). */
export function toDynamoItem(plainItem) {
  if (plainItem === null || typeof plainItem !== 'object' || Array.isArray(plainItem)) {
    throw new Error('An item is a JSON object of attribute names to values');
  }
  return Object.fromEntries(Object.entries(plainItem).map(([name, value]) => [name, dynamoValue(value, name)]));
}

/** A short text of one AttributeValue for a grid cell: strings bare, the rest as plain JSON. */
export function cellText(value) {
  const [type, inner] = Object.entries(value ?? {})[0] ?? [];
  if (type === 'S') return inner;
  if (type === 'N') return inner;
  if (type === 'B') return `(binary) ${inner}`;
  return JSON.stringify(plainValue(value, '', []));
}
