/** The fault scenarios' names, apart from their msw-based implementation, so the CLI can list them without loading msw. */
export const scenarioNames = [
  'ok',
  'slow',
  'flaky',
  'rate-limited',
  'auth-expired',
  'network-error',
  'timeout',
  'partial',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export function isScenarioName(value: string): value is ScenarioName {
  return (scenarioNames as readonly string[]).includes(value);
}
