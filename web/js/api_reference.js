// Where each operation the console sends is documented: DynamoDB's and DynamoDB Streams' pages of
// the AWS API Reference, and this repository's table of the playground's own operations.

const DYNAMODB_REFERENCE = 'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/';
const STREAMS_PREFIX = 'DynamoDBStreams_20120810.';
const PLAYGROUND_PREFIX = 'Playground.';

/** The address of `operation`'s reference page and how to name it in a link. */
export function referenceFor(operation) {
  if (operation.startsWith(PLAYGROUND_PREFIX)) {
    return { href: '../docs/api-coverage.md#playground-extensions-target-prefix-playground', label: 'Playground operations reference' };
  }
  if (operation.startsWith(STREAMS_PREFIX)) {
    const name = operation.slice(STREAMS_PREFIX.length);
    return { href: `${DYNAMODB_REFERENCE}API_streams_${name}.html`, label: `${name} in the AWS API Reference` };
  }
  return { href: `${DYNAMODB_REFERENCE}API_${operation}.html`, label: `${operation} in the AWS API Reference` };
}
