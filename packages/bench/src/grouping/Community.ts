/**
 * The synthetic community (100 members unless told otherwise) as a grouping request with every policy criterion on: soft
 * organisation and programme diversity, shared interests, an earlier round (soft, with decay), a
 * must-together and a must-apart pair, a fixed member, and facilitators with a maximum load and a
 * conflict.
 */

import { Grouping } from "@grenzeloos/core"
import { Synthetic } from "@grenzeloos/testkit"
import { Either } from "effect"

export const communityRequest = (seed: number, size = 100): Grouping.Input.Request => {
  // one facilitator per 20 members (5 for the community of 100), each for at least 4 groups
  const generated = Synthetic.community({ seed, members: size, facilitators: Math.max(5, Math.ceil(size / 20)) })
  const members = generated.members.map(Grouping.Input.fromMember)
  const ids = members.map((m) => m.id as string)
  // an earlier round: consecutive members in groups of 6
  const previous: Array<Array<string>> = []
  for (let k = 0; k < ids.length; k += 6) previous.push(ids.slice(k, k + 6))
  const input = {
    members,
    size: { min: 5, max: 7 },
    policy: {
      organisation: { mode: "soft", weight: 10 },
      programme: { mode: "soft", weight: 5 },
      interests: { weight: 3 },
      history: { mode: "soft", weight: 20, decay: 0.5 }
    },
    history: [previous],
    mustTogether: [[ids[0], ids[1]]],
    mustApart: [[ids[2], ids[3]]],
    fixed: [{ memberId: ids[4], group: 0 }],
    facilitators: generated.facilitators.map((f, k) => ({
      id: f.id,
      maxGroups: Math.max(4, f.maxGroups ?? 4),
      ...(k === 0 ? { conflicts: [ids[5]] } : {})
    }))
  }
  const decoded = Grouping.Input.decode(input)
  if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
  return decoded.right
}
