// Set up before every unit test file: the Raft core asserts its invariants after every step, so
// any test that drives the core (directly or through the simulator) also checks them.
import { setInvariantChecks } from '../../src/raft';

setInvariantChecks(true);
