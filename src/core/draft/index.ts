/** Drafting a plan from its text: see draft.ts. Pure: no Node, no DOM, no Office. */
export { draftPlan } from "./draft";
export { decodeText, type DecodeResult } from "./decode";
export { draftToExport, draftToPlan, guessArea, type DraftExport, type DraftRow, type PlanChoices } from "./export";
export { measureNameKey, proposeMeasure } from "./measure";
export { scorePlan, totals, MIN_NAME_SIMILARITY, type PlanScore } from "./score";
export { remarkIn, writtenFigures, squash, sameNumber } from "./text";
export type { DraftMeta, DraftResult, Proposal, ProposalOrigin } from "./types";
