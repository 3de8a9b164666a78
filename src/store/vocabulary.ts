// What the screen may use of the simulator beyond its types (store layer): pure functions and
// constants over the read model, passed through here so components never reach past the store.
export {
  MAX_NODES,
  RULE_IDS,
  describeCommand,
  failuresTolerated,
  logVariants,
  majority,
} from '../sim';
