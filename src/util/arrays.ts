// `target.push(...source)` passes every element as an argument: past ~100,000 elements it overflows the call
// stack ("Maximum call stack size exceeded"). Lists that grow with the input are appended with this instead.

export function pushAll<T>(target: T[], source: Iterable<T>): T[] {
  for (const x of source) target.push(x);
  return target;
}
