import { Composition } from 'remotion';
import { EXPLAINER_COMPOSITION_ID } from './composition-id.ts';
import { Explainer } from './Explainer.tsx';
import { type Timeline, TimelineSchema } from './props.ts';
import { sampleTimeline } from './sample-timeline.ts';

/** Registers the Explainer composition; its size, fps and length come from the timeline. */
export const Root: React.FC = () => {
  return (
    <Composition
      id={EXPLAINER_COMPOSITION_ID}
      component={Explainer}
      schema={TimelineSchema}
      defaultProps={sampleTimeline}
      calculateMetadata={({ props }) => {
        // Remotion does not validate input props at render time: fail early on a bad timeline.
        const timeline: Timeline = TimelineSchema.parse(props);
        return {
          durationInFrames: timeline.durationInFrames,
          fps: timeline.fps,
          width: timeline.width,
          height: timeline.height,
          props: timeline,
        };
      }}
    />
  );
};
