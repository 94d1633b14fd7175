/**
 * Every tunable of the progress method in one place. docs/method.md justifies the defaults.
 */
export type PathShape = "linear" | "compound";

export interface MethodSettings {
  /** Shape of the expected path between base, milestones and target (序时进度). */
  path: PathShape;
  /**
   * Ratio of actual progress to expected progress since the base:
   *   r ≥ ahead   → 快于预期 (ahead)
   *   r ≥ onTrack → 基本符合预期 (on track)
   *   otherwise   → 滞后 (behind); r < 0 (moved away from the target) → 倒退
   */
  thresholds: { ahead: number; onTrack: number };
}

export const DEFAULT_SETTINGS: Readonly<MethodSettings> = Object.freeze({
  path: "linear",
  // 0.95: Eurostat's SDG method and Open SDG's ProgressMeasure count ≥ 95 % of the required growth
  // as on track. 1.05: the same 5 % band above the path before we call a target ahead of it.
  thresholds: Object.freeze({ ahead: 1.05, onTrack: 0.95 }),
});

/** Fills the gaps of a partial (e.g. stored, untrusted) settings object and checks its values. */
export function resolveSettings(partial?: Partial<{ path: unknown; thresholds: Partial<Record<string, unknown>> }> | null): MethodSettings {
  const path: PathShape = partial?.path === "compound" ? "compound" : "linear";
  const num = (v: unknown, dflt: number) => (typeof v === "number" && Number.isFinite(v) && v > 0 && v < 10 ? v : dflt);
  let ahead = num(partial?.thresholds?.ahead, DEFAULT_SETTINGS.thresholds.ahead);
  let onTrack = num(partial?.thresholds?.onTrack, DEFAULT_SETTINGS.thresholds.onTrack);
  if (onTrack > ahead) [onTrack, ahead] = [ahead, onTrack];
  return { path, thresholds: { ahead, onTrack } };
}
