import { describe, expect, it } from 'vitest';
import { englishDateForms, yearWords } from './english-dates.ts';
import { englishSpeechForms, withOpenJTalkReadings } from './text.ts';

describe('English dates and temperatures as a narrator says them', () => {
  it('says years in pairs of digits', () => {
    expect(yearWords(1871)).toBe('eighteen seventy-one');
    expect(yearWords(1905)).toBe('nineteen oh five');
    expect(yearWords(1900)).toBe('nineteen hundred');
    expect(yearWords(2004)).toBe('two thousand four');
    expect(yearWords(2025)).toBe('twenty twenty-five');
  });

  it('reads a four-digit number as a year only where a year stands', () => {
    expect(englishDateForms('It was completed in 1871 and automated in 1989.')).toBe(
      'It was completed in eighteen seventy-one and automated in nineteen eighty-nine.',
    );
    expect(englishDateForms('restored 2001–2004, in the spring of 1869')).toBe(
      'restored two thousand one–two thousand four, in the spring of eighteen sixty-nine',
    );
    expect(englishDateForms('The counter logged 1250 riders and 1,871 cars; 2030 tonnes')).toBe(
      'The counter logged 1250 riders and 1,871 cars; 2030 tonnes',
    );
    expect(englishDateForms('Since the 1930s and the 1900s')).toBe(
      'Since the nineteen thirties and the nineteen hundreds',
    );
  });

  it('says day-month dates with ordinals and names temperature scales', () => {
    expect(englishDateForms('On 1 November 1871 and on March 23, at 25 °C or 77°F')).toBe(
      'On the first of November eighteen seventy-one and on March twenty-third, at 25 degrees Celsius or 77 degrees Fahrenheit',
    );
    expect(englishDateForms('on 12 May and 2 June')).toBe('on the twelfth of May and the second of June');
  });

  it('is part of the English speech forms, money included', () => {
    expect(englishSpeechForms('By 2030 it will cost €310 million.')).toBe(
      'By twenty thirty it will cost 310 million euros.',
    );
  });
});

describe('Open JTalk readings', () => {
  it('says お米 and 出そうに as they are read', () => {
    expect(withOpenJTalkReadings('国内でとれるお米から作られる')).toBe('国内でとれるおこめから作られる');
    expect(withOpenJTalkReadings('涙が出そうになった。芽が出そうだ。荷物を出そうとした')).toBe(
      '涙がでそうになった。芽が出そうだ。荷物を出そうとした',
    );
  });
});
