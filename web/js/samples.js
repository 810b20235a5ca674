// The explainer's social media app ("Real-World Example: Social Media App") as a one-click
// sample: Users with an email index, Posts with a global timeline index and a stream, Followers
// with an index to find who follows whom, and a Notifications table that the "new post ->
// notification" trigger fills. The trigger is only loaded into the Trigger panel; it runs once
// the user enables it.

const S = (value) => ({ S: value });
const N = (value) => ({ N: String(value) });

async function recreate(db, definition) {
  try {
    await db.send('DeleteTable', { TableName: definition.TableName });
  } catch (error) {
    if (error.name !== 'ResourceNotFoundException') throw error;
  }
  await db.send('CreateTable', { BillingMode: 'PAY_PER_REQUEST', ...definition });
}

const key = (hash, range) => [
  { AttributeName: hash, KeyType: 'HASH' },
  ...(range ? [{ AttributeName: range, KeyType: 'RANGE' }] : []),
];
const attributes = (types) =>
  Object.entries(types).map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));

export const SOCIAL_TABLES = [
  {
    TableName: 'Users',
    KeySchema: key('user_id'),
    AttributeDefinitions: attributes({ user_id: 'S', email: 'S' }),
    GlobalSecondaryIndexes: [
      { IndexName: 'email-index', KeySchema: key('email'), Projection: { ProjectionType: 'ALL' } },
    ],
  },
  {
    TableName: 'Posts',
    KeySchema: key('user_id', 'timestamp'),
    AttributeDefinitions: attributes({ user_id: 'S', timestamp: 'N', feed: 'S' }),
    // "Latest posts globally": every post carries feed = "global", sorted by time.
    GlobalSecondaryIndexes: [
      {
        IndexName: 'timeline-index',
        KeySchema: key('feed', 'timestamp'),
        Projection: { ProjectionType: 'ALL' },
      },
    ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  },
  {
    TableName: 'Followers',
    KeySchema: key('follower_id', 'following_id'),
    AttributeDefinitions: attributes({ follower_id: 'S', following_id: 'S' }),
    GlobalSecondaryIndexes: [
      {
        IndexName: 'following_id-index',
        KeySchema: key('following_id', 'follower_id'),
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
  },
  {
    TableName: 'Notifications',
    KeySchema: key('user_id', 'created'),
    AttributeDefinitions: attributes({ user_id: 'S', created: 'N' }),
  },
];

export const NOTIFY_FOLLOWERS_TRIGGER = `// New post -> notify the author's followers (the explainer's "Streams & Triggers" flow).
// Runs in a Web Worker for each batch of Posts stream records.
async (event, db) => {
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT') continue;
    const post = record.dynamodb.NewImage;
    const author = post.user_id.S;
    const followers = await db.send('Query', {
      TableName: 'Followers',
      IndexName: 'following_id-index',
      KeyConditionExpression: 'following_id = :author',
      ExpressionAttributeValues: { ':author': { S: author } },
    });
    for (const follow of followers.Items) {
      await db.send('PutItem', {
        TableName: 'Notifications',
        Item: {
          user_id: follow.follower_id,
          created: post.timestamp,
          text: { S: author + ' posted: ' + post.content.S },
        },
      });
    }
    console.log('notified ' + followers.Count + ' follower(s) of ' + author);
  }
}`;

/** A new post by alice, for the console: with the trigger enabled it notifies bob and carol. */
export function newPostRequest(timestamp) {
  return {
    TableName: 'Posts',
    Item: {
      user_id: S('alice'),
      timestamp: N(timestamp),
      feed: S('global'),
      content: S('Streams and triggers work in the browser!'),
    },
  };
}

/** Creates the four tables with sample users, follows and posts; returns the clock's time. */
export async function loadSocialSample(db) {
  for (const table of SOCIAL_TABLES) await recreate(db, table);
  const users = [
    ['alice', 'alice@example.com', 'Alice'],
    ['bob', 'bob@example.com', 'Bob'],
    ['carol', 'carol@example.com', 'Carol'],
  ];
  for (const [id, email, name] of users) {
    await db.send('PutItem', { TableName: 'Users', Item: { user_id: S(id), email: S(email), name: S(name) } });
  }
  for (const [follower, following] of [['bob', 'alice'], ['carol', 'alice'], ['alice', 'bob']]) {
    await db.send('PutItem', {
      TableName: 'Followers',
      Item: { follower_id: S(follower), following_id: S(following), followed: S('2026-11-01') },
    });
  }
  const { Now: now } = await db.send('Playground.SetClock', { Mode: 'VIRTUAL' });
  const posts = [
    ['alice', 'Hello DynamoDB'],
    ['bob', 'Partition keys matter'],
    ['alice', 'GSIs for access patterns'],
  ];
  let timestamp = Math.floor(now) - posts.length * 60;
  for (const [author, content] of posts) {
    timestamp += 60;
    await db.send('PutItem', {
      TableName: 'Posts',
      Item: { user_id: S(author), timestamp: N(timestamp), feed: S('global'), content: S(content), likes: N(0) },
    });
  }
  return Math.floor(now);
}
