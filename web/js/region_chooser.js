// The console's Region box: the region its requests are served in, as a client's configured
// region is (a global table's replica there answers for the table's name; docs/global-tables.md).
// Any region can be typed; the suggestions are the current table's replica regions first, then
// a few common ones. The other panels read the home region.

/** The region a request without one is served in (the playground's, as DynamoDB Local's). */
export const HOME_REGION = 'us-east-1';

// Common choices, a region per continent; the engine knows every region with global tables.
const COMMON_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1'];

/** Returns `{ current(), set(region), offer(tableName, replicaRegions) }`. */
export function mountRegionChooser({ input, choices }) {
  function choice(region, label) {
    const option = document.createElement('option');
    option.value = region;
    if (label) option.label = label;
    return option;
  }

  // `replicaRegions` are those of `tableName`'s replica group (none for a regional table).
  function offer(tableName, replicaRegions = []) {
    const replicas = replicaRegions.map((region) => choice(region, `a replica of ${tableName}`));
    const others = COMMON_REGIONS.filter((region) => !replicaRegions.includes(region)).map((region) => choice(region));
    choices.replaceChildren(...replicas, ...others);
  }
  offer();

  return {
    /** The region typed, or the home region when the box is empty. */
    current: () => input.value.trim() || HOME_REGION,
    /** Shows `region` in the box; '' or undefined is the home region. */
    set(region) {
      input.value = region || HOME_REGION;
    },
    offer,
  };
}
