import { computeDialogueLayout } from '../layout/dialogue-layout.ts';
import { useFrameLayout } from '../layout/frame-layout.ts';
import type { Speaker } from '../props.ts';
import { FONT_WEIGHT, theme } from '../theme.ts';

/** The first character of a name (a whole grapheme, so a kana or a letter), for the badge. */
const initialOf = (name: string): string => [...name][0] ?? '';

/**
 * A dialogue's characters as round badges in their colours, each with its initial and its name
 * below (see computeDialogueLayout for where they stand). The speaker who holds the floor gets a
 * bright ring and a glow at full size; the others are smaller and dimmed. No animation: the
 * highlight moves with a cut when the next speaker starts, like the subtitles.
 */
export const SpeakerBadges: React.FC<{ speakers: readonly Speaker[]; active: string | undefined }> = ({
  speakers,
  active,
}) => {
  const frame = useFrameLayout();
  const { badges, idleScale } = computeDialogueLayout(frame, speakers.length);
  const { u } = frame;
  return (
    <>
      {speakers.map((speaker, i) => {
        const place = badges[i];
        if (!place) return null;
        const on = speaker.id === active;
        const d = place.diameter;
        return (
          <div key={speaker.id} style={{ opacity: on ? 1 : 0.42 }}>
            <div
              style={{
                position: 'absolute',
                left: place.cx - d / 2,
                top: place.cy - d / 2,
                width: d,
                height: d,
                boxSizing: 'border-box',
                borderRadius: '50%',
                background: speaker.color,
                border: `${0.5 * u}px solid ${on ? '#ffffff' : 'rgba(0, 0, 0, 0.35)'}`,
                boxShadow: on ? `0 0 ${1.4 * u}px ${0.3 * u}px ${speaker.color}` : 'none',
                transform: on ? undefined : `scale(${idleScale})`,
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                color: theme.background,
                fontSize: 0.46 * d,
                fontWeight: FONT_WEIGHT.bold,
                lineHeight: 1,
              }}
            >
              {initialOf(speaker.name)}
            </div>
            <div
              style={{
                position: 'absolute',
                left: place.label.left,
                top: place.label.top,
                width: place.label.width,
                textAlign: 'center',
                whiteSpace: 'nowrap',
                fontSize: place.labelFont,
                lineHeight: `${place.label.height}px`,
                fontWeight: FONT_WEIGHT.bold,
                color: on ? theme.text : theme.textSecondary,
              }}
            >
              {speaker.name}
            </div>
          </div>
        );
      })}
    </>
  );
};
