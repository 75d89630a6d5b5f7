import type { Subtitle } from '@movie-generator/remotion/props';
import { describe, expect, it } from 'vitest';
import { posterFrame, posterSize } from './poster.ts';
import { cueTime, subtitleCues, toSrt, toWebVtt } from './subtitle-files.ts';

const card = (startFrame: number, durationInFrames: number, ...lines: string[]): Subtitle => ({
  lines,
  speaker: 'narrator',
  color: '#fff',
  startFrame,
  durationInFrames,
});

describe('subtitle files', () => {
  const timeline = {
    fps: 30,
    subtitles: [
      card(100, 20, 'second'),
      card(30, 45, 'こんにちは、', 'せかい'),
      card(3_600_000, 1, 'a <b> & c --> d'),
    ],
  };

  it('turns cards into cues at their exact frame times, in order', () => {
    expect(subtitleCues(timeline)).toEqual([
      { startMs: 1000, endMs: 2500, lines: ['こんにちは、', 'せかい'] },
      { startMs: 3333, endMs: 4000, lines: ['second'] },
      { startMs: 120_000_000, endMs: 120_000_033, lines: ['a <b> & c --> d'] },
    ]);
  });

  it('formats times with hours, minutes, seconds and milliseconds', () => {
    expect(cueTime(0, '.')).toBe('00:00:00.000');
    expect(cueTime(3_723_004, ',')).toBe('01:02:03,004');
    expect(cueTime(120_000_033, '.')).toBe('33:20:00.033');
  });

  it('writes WebVTT with the header, one block per cue and escaped markup', () => {
    expect(toWebVtt(subtitleCues(timeline))).toBe(
      [
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:02.500',
        'こんにちは、',
        'せかい',
        '',
        '00:00:03.333 --> 00:00:04.000',
        'second',
        '',
        '33:20:00.000 --> 33:20:00.033',
        'a &lt;b&gt; &amp; c --&gt; d',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes SRT numbered from 1 with commas before the milliseconds', () => {
    expect(toSrt(subtitleCues(timeline).slice(0, 2))).toBe(
      [
        '1',
        '00:00:01,000 --> 00:00:02,500',
        'こんにちは、',
        'せかい',
        '',
        '2',
        '00:00:03,333 --> 00:00:04,000',
        'second',
        '',
        '',
      ].join('\n'),
    );
  });

  it("names a dialogue's speakers: a WebVTT voice span and an SRT prefix", () => {
    const dialogue = {
      fps: 30,
      subtitles: [
        { ...card(30, 30, 'なぜなのだ？'), speaker: 'asker' },
        { ...card(60, 30, 'それはね、', 'こういうことです。'), speaker: 'explainer' },
        { ...card(90, 30, 'ふむ'), speaker: 'someone-else' },
      ],
      speakers: [
        { id: 'asker', name: 'ずんだもん' },
        { id: 'explainer', name: 'A <b> & C' },
      ],
    };
    const cues = subtitleCues(dialogue);
    expect(cues.map((c) => c.speaker)).toEqual(['ずんだもん', 'A <b> & C', undefined]);
    expect(toWebVtt(cues)).toBe(
      [
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:02.000',
        '<v ずんだもん>なぜなのだ？',
        '',
        '00:00:02.000 --> 00:00:03.000',
        '<v A &lt;b&gt; &amp; C>それはね、',
        'こういうことです。',
        '',
        '00:00:03.000 --> 00:00:04.000',
        'ふむ',
        '',
        '',
      ].join('\n'),
    );
    expect(toSrt(cues)).toBe(
      [
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'ずんだもん: なぜなのだ？',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        'A <b> & C: それはね、',
        'こういうことです。',
        '',
        '3',
        '00:00:03,000 --> 00:00:04,000',
        'ふむ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('an empty subtitle list still makes a valid WebVTT file', () => {
    expect(toWebVtt([])).toBe('WEBVTT\n\n');
    expect(toSrt([])).toBe('');
  });
});

describe('poster', () => {
  it('is 1280 wide with the video aspect', () => {
    expect(posterSize(1280, 720)).toEqual({ width: 1280, height: 720 });
    expect(posterSize(1920, 1080)).toEqual({ width: 1280, height: 720 });
    expect(posterSize(720, 1280)).toEqual({ width: 1280, height: 2276 });
    expect(posterSize(320, 180)).toEqual({ width: 1280, height: 720 });
  });

  it('shows the title slide at its first frame without a subtitle', () => {
    const slides = [{ startFrame: 0, durationInFrames: 90 }];
    expect(posterFrame({ slides, subtitles: [card(30, 60, 'x')] })).toBe(0);
    expect(posterFrame({ slides, subtitles: [card(0, 30, 'x'), card(30, 20, 'y')] })).toBe(50);
    // Covered all along: its first frame anyway.
    expect(posterFrame({ slides, subtitles: [card(0, 90, 'x')] })).toBe(0);
  });
});
