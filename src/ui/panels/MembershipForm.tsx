// The membership part of the client panel (UI layer; Raft thesis ch. 4): the configuration in
// use, a new server added as a voter or as a learner, and a new set of voters chosen from the
// members, which the leader reaches by joint consensus. Each is a client request through a store
// intent; removing a server and handing leadership over sit in the node's menu in the drawing.
import { useState, type FormEvent } from 'react';
import type { Frame } from '../../store';
import { MAX_NODES } from '../../store';
import { idSet } from '../membershipText';
import { useIntents, useT } from '../labContext';

export function MembershipForm({ frame }: { frame: Frame }) {
  const t = useT();
  const lab = useIntents();
  const f = frame.facts;
  const next = frame.nodes.length + 1;
  const full = frame.nodes.length >= MAX_NODES;
  const inUse = f.joint
    ? t('member.panel.inUseJoint', { old: idSet(f.joint.old), new: idSet(f.joint.new) })
    : f.learners.length > 0
      ? t('member.panel.inUseLearners', { voters: idSet(f.voters), learners: idSet(f.learners) })
      : t('member.panel.inUse', { voters: idSet(f.voters) });
  return (
    <section className="rl-membership" aria-labelledby="rl-membership-title">
      <h3 id="rl-membership-title">{t('member.panel.title')}</h3>
      <p className="rl-membership-now">{inUse}</p>
      <div className="rl-membership-add">
        {[true, false].map((voter) => (
          <button
            key={String(voter)}
            type="button"
            className="rl-button"
            disabled={full}
            title={full ? t('member.tools.full', { max: MAX_NODES }) : undefined}
            onClick={() => void lab.addServer({ voter })}
          >
            {t(voter ? 'member.panel.addVoter' : 'member.panel.addLearner', { id: next })}
          </button>
        ))}
      </div>
      {/* A fresh choice whenever the voters in use change. */}
      <VoterChoice key={f.voters.join()} frame={frame} />
      <p className="rl-hint">{t('member.panel.hint')}</p>
    </section>
  );
}

/** A checkbox per member of the configuration in use, starting from the voters in use. */
function VoterChoice({ frame }: { frame: Frame }) {
  const t = useT();
  const lab = useIntents();
  const [chosen, setChosen] = useState<readonly number[]>(frame.facts.voters);
  const members = frame.nodes.filter((n) => n.member !== 'outside').map((n) => n.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Only servers still in the configuration: one ticked earlier may have been removed since.
    void lab.changeVoters(chosen.filter((id) => members.includes(id)).sort((a, b) => a - b));
  };
  const toggle = (id: number, on: boolean) =>
    setChosen(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    <form className="rl-membership-voters" onSubmit={submit}>
      <fieldset>
        <legend>{t('member.panel.voters')}</legend>
        {members.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={chosen.includes(id)}
              onChange={(e) => toggle(id, e.target.checked)}
            />
            S{id}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="rl-button"
        disabled={!chosen.some((id) => members.includes(id))}
      >
        {t('member.panel.change')}
      </button>
    </form>
  );
}
