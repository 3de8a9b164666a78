// The safety alarm's box (UI layer, a leaf: framer-motion lives in leaves only). A short shake
// draws the room's eye to it, unless the person asked for less motion; what it says is the
// SafetyAlarm's.
import { domAnimation, LazyMotion, m, useReducedMotion } from 'framer-motion';
import type { ReactNode } from 'react';

export function AlarmShake({ children }: { children: ReactNode }) {
  const still = useReducedMotion() ?? false;
  return (
    <LazyMotion features={domAnimation}>
      <m.div
        className="rl-alarm"
        role="alert"
        initial={still ? false : { x: 0 }}
        animate={still ? {} : { x: [0, -10, 10, -6, 6, 0] }}
        transition={{ duration: 0.5 }}
      >
        {children}
      </m.div>
    </LazyMotion>
  );
}
