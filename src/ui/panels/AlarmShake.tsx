// The safety alarm's box (UI layer, a leaf: framer-motion lives in leaves only). A short shake
// draws the room's eye to it, unless the person asked for less motion; what it says is the
// SafetyAlarm's. The shake is one Web Animation (framer-motion's mini animate): no motion
// component, so none of its render pipeline is loaded for it.
import { useReducedMotion } from 'framer-motion';
import { useAnimate } from 'framer-motion/mini';
import { useEffect, type ReactNode } from 'react';

const SHAKE = [0, -10, 10, -6, 6, 0].map((x) => `translateX(${x}px)`);

export function AlarmShake({ children }: { children: ReactNode }) {
  const still = useReducedMotion() ?? false;
  const [scope, animate] = useAnimate<HTMLDivElement>();
  useEffect(() => {
    if (still || !scope.current) return;
    const shake = animate(scope.current, { transform: SHAKE }, { duration: 0.5 });
    return () => shake.cancel();
  }, [still, scope, animate]);
  return (
    <div ref={scope} className="rl-alarm" role="alert">
      {children}
    </div>
  );
}
