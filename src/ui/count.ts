/** "1 person", "3 people": a number with its noun, for the status lines settings print. */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
