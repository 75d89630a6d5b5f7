import { AbsoluteFill } from 'remotion';
import { useFrameLayout } from '../layout/frame-layout.ts';
import { theme } from '../theme.ts';

/** Static backdrop shared by every slide: deep navy, two soft glows, a faint dot grid and ring. */
export const Background: React.FC = () => {
  const { u, vertical } = useFrameLayout();
  const ring = (vertical ? 90 : 70) * u;
  return (
    <AbsoluteFill
      style={{
        backgroundColor: theme.background,
        backgroundImage: [
          'radial-gradient(circle at 12% 6%, rgba(92, 132, 255, 0.18), transparent 46%)',
          'radial-gradient(circle at 96% 96%, rgba(72, 98, 200, 0.14), transparent 44%)',
          `linear-gradient(165deg, #101a38 0%, ${theme.background} 55%, ${theme.backgroundDeep} 100%)`,
        ].join(', '),
      }}
    >
      <AbsoluteFill
        style={{
          backgroundImage: 'radial-gradient(rgba(255, 255, 255, 0.07) 1px, transparent 1.5px)',
          backgroundSize: `${3.2 * u}px ${3.2 * u}px`,
          maskImage: 'linear-gradient(200deg, black 0%, transparent 55%)',
        }}
      />
      <div
        style={{
          position: 'absolute',
          width: ring,
          height: ring,
          right: -ring * 0.35,
          top: -ring * 0.45,
          borderRadius: '50%',
          border: `${0.25 * u}px solid rgba(255, 255, 255, 0.05)`,
        }}
      />
    </AbsoluteFill>
  );
};
