// The page's current table: the one the Items, Partitions and Stream panels and the heat view
// all show. A request that names a table, a scenario and a click in the Tables list make a table
// current; the picker lets a keyboard or a screen reader choose one too. When the current table
// is deleted, the first remaining one takes its place.

/**
 * Returns `{ current, choose(name), setNames(names) }` for the `<select>` picker. `choose`
 * records a table as current (it shows once `setNames` lists it); `setNames` refills the picker
 * from the engine's tables and returns the current one, or undefined when there is none.
 * `onChange(name)` runs when the user picks a table in the picker.
 */
export function mountCurrentTable(select, { onChange }) {
  let current;
  let names = [];

  function fill() {
    select.replaceChildren(...names.map((name) => new Option(name, name, false, name === current)));
    select.disabled = names.length === 0;
    if (names.length === 0) select.append(new Option('no tables yet', ''));
  }

  select.addEventListener('change', () => {
    current = select.value;
    onChange(current);
  });

  return {
    get current() {
      return current;
    },
    choose(name) {
      current = name;
      if (names.includes(name)) select.value = name;
    },
    setNames(tableNames) {
      names = tableNames;
      if (!names.includes(current)) current = names[0];
      fill();
      return current;
    },
  };
}
