import { AbsoluteFill, Freeze, Sequence, useCurrentFrame } from 'remotion';
import { Background } from './components/Background.tsx';
import { ClosingSlide } from './components/ClosingSlide.tsx';
import { SectionSlide } from './components/SectionSlide.tsx';
import { SpeakerBadges } from './components/SpeakerBadges.tsx';
import { Subtitle } from './components/Subtitle.tsx';
import { TitleSlide } from './components/TitleSlide.tsx';
import { fadeAt, fadeOpacity } from './fade.ts';
import { videoLabels } from './i18n.ts';
import type { Slide, Timeline } from './props.ts';
import { theme } from './theme.ts';

/** The source's host without "www.", or undefined when there is no valid URL. */
function sourceHost(timeline: Timeline): string | undefined {
  if (!timeline.sourceUrl) return undefined;
  try {
    return new URL(timeline.sourceUrl).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** The site name, or else the source's host, for the title slide's label. */
function siteLabel(timeline: Timeline): string | undefined {
  return timeline.siteName ?? sourceHost(timeline);
}

/** The source as a short line: "Site name · host" (never the long raw URL). */
function sourceLine(timeline: Timeline): string | undefined {
  const parts = [timeline.siteName, sourceHost(timeline)].filter(
    (p, i, all): p is string => !!p && all.indexOf(p) === i,
  );
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The closing slide's small print: the source line and the voice credits. */
function closingFooter(timeline: Timeline): string[] {
  const labels = videoLabels(timeline.language);
  const source = sourceLine(timeline);
  const credits = [...new Set(timeline.credits)];
  return [
    ...(source ? [`${labels.source}: ${source}`] : []),
    ...(credits.length > 0 ? [`${labels.credits}: ${credits.join(' / ')}`] : []),
  ];
}

const SlideView: React.FC<{ slide: Slide; timeline: Timeline }> = ({ slide, timeline }) => {
  switch (slide.kind) {
    case 'title':
      return <TitleSlide title={slide.title} label={siteLabel(timeline)} image={slide.image} />;
    case 'section':
      return <SectionSlide slide={slide} />;
    case 'closing':
      // With recap bullets or the article's closing quotation, the closing slide shows them (what
      // the narration is saying), with the source and credits below.
      if (slide.bullets.length > 0 || (slide.layout === 'quote' && slide.quote)) {
        return <SectionSlide slide={slide} footer={closingFooter(timeline)} />;
      }
      return (
        <ClosingSlide
          labels={videoLabels(timeline.language)}
          source={sourceLine(timeline)}
          credits={timeline.credits}
        />
      );
  }
};

/**
 * The picture without fades, opaque: one Sequence per slide, per subtitle and (in a dialogue) per
 * turn. It depends only on which slide, which bullets, which subtitle and whose turn it is.
 */
const Scene: React.FC<{ timeline: Timeline }> = ({ timeline }) => {
  const speakers = new Map(timeline.speakers.map((s) => [s.id, s]));
  return (
    <AbsoluteFill lang={timeline.language} style={{ fontFamily: theme.fontFamily, color: theme.text }}>
      <Background />
      {timeline.slides.map((slide) => (
        <Sequence
          key={`slide-${slide.startFrame}`}
          name={`Slide: ${slide.kind} ${slide.sectionNumber || ''}`.trim()}
          from={slide.startFrame}
          durationInFrames={slide.durationInFrames}
        >
          <SlideView slide={slide} timeline={timeline} />
        </Sequence>
      ))}
      {timeline.turns.map((turn) => (
        <Sequence
          key={`turn-${turn.startFrame}`}
          name={`Turn: ${turn.speaker}`}
          from={turn.startFrame}
          durationInFrames={turn.durationInFrames}
        >
          <SpeakerBadges speakers={timeline.speakers} active={turn.speaker} />
        </Sequence>
      ))}
      {timeline.subtitles.map((subtitle) => {
        const speaker = speakers.get(subtitle.speaker);
        return (
          <Sequence
            key={`subtitle-${subtitle.startFrame}`}
            name={`Subtitle: ${subtitle.lines.join(' ')}`}
            from={subtitle.startFrame}
            durationInFrames={subtitle.durationInFrames}
          >
            <Subtitle
              lines={subtitle.lines}
              color={subtitle.color}
              charsPerLine={timeline.subtitleCharsPerLine}
              speakerCount={timeline.speakers.length}
              nameTag={speaker ? { name: speaker.name, color: speaker.color } : undefined}
            />
          </Sequence>
        );
      })}
    </AbsoluteFill>
  );
};

/**
 * The whole video: the scene, and during a fade (fade.ts) the scene as it was just before the
 * fade under it, the current scene at the fade's opacity on top. Both scenes are opaque, so each
 * faded frame is exactly a weighted mean of the two pictures, which the fast renderer reproduces
 * from two stills. All timing comes from the timeline; narration is muxed in afterwards by ffmpeg.
 */
export const Explainer: React.FC<Timeline> = (timeline) => {
  const frame = useCurrentFrame();
  const fade = fadeAt(timeline.fades, frame);
  return (
    <AbsoluteFill>
      {fade && (
        <Freeze frame={fade.startFrame - 1}>
          <Scene timeline={timeline} />
        </Freeze>
      )}
      <AbsoluteFill
        style={fade ? { opacity: fadeOpacity(frame - fade.startFrame, fade.durationInFrames) } : undefined}
      >
        <Scene timeline={timeline} />
      </AbsoluteFill>
    </AbsoluteFill>
  );
};
