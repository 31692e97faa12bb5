/** "1 person", "1,204 people": a number with its noun, for the status lines settings print. */
export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
