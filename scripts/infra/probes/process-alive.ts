/** Whether the process with this pid still exists; true when no pid is given (nothing to watch). */
export function isAlive(pid: string | undefined): boolean {
  if (pid === undefined) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}
