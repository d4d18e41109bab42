/**
 * The use cases' one check of a record's state: {@link ensure} asks the life-cycle table
 * (`domain/Lifecycles.ts`) and turns its refusal into the `InvalidState` the use cases fail with,
 * worded by `texts/en.ts` (the message) and `texts/nl.ts` (its Dutch parts).
 */
import { Effect } from "effect"
import { allow, type KindOf, type RecordStates, type RecordStep, type StateConflict } from "../domain/Lifecycles.js"
import { InvalidState } from "../services/Errors.js"
import { en } from "../texts/en.js"
import { nl } from "../texts/nl.js"

/** The refusal of a step as the error the use cases fail with, in English and Dutch. */
export const refusal = (conflict: StateConflict): InvalidState =>
  new InvalidState({ ...en.conflict(conflict), nl: nl.conflict(conflict) })

/** Succeeds when `step` may start from the record's state, and fails with its refusal otherwise. */
export const ensure = <S extends RecordStep>(
  step: S,
  record: { readonly id: string; readonly title: string; readonly status: RecordStates[KindOf<S>] }
): Effect.Effect<void, InvalidState> => Effect.mapError(allow(step, record), refusal)
