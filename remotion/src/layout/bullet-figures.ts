/**
 * The numbers of a bullet, set in the accent colour so a viewer finds them at a glance: amounts
 * with their currency and scale ("€310 million"), shares ("40 percent", 「３割」), counts and
 * measures with their unit (「約８キロ」, "1,300 °C").
 */
export const BULLET_FIGURE =
  /(?:約|およそ)?[$€£¥]?\s?[0-9０-９]+(?:[,.，．][0-9０-９]+)*(?:\s?(?:%|％|percent|per cent|million|billion|°C|割|倍|万|億|キロ|メートル|グラム|ミリリットル|度|人|匹|トン|年|歳))?/gu;
