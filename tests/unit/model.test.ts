import { describe, expect, it } from 'vitest';
import { trainingHash } from '../../scripts/lib/model-data';
import {
  cueProbabilities,
  type ModelData,
  modelFeatures,
  typeProbabilities,
} from '../../src/core/classify/model';
import { CUES, CUSTOMER_TYPES, LANGS } from '../../src/core/taxonomy';
import model from '../../src/data/classifier-model.json';

const shipped = model as ModelData;

/** The features spelt out with strings, as a reader would write them: the fast in-place hashing must agree. */
function referenceFeatures(words: string[], bits: number): Map<number, number> {
  const hash = (key: string) => {
    let h = 2166136261;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    return (h >>> 0) & ((1 << bits) - 1);
  };
  const features = new Map<number, number>();
  const add = (key: string, weight: number) =>
    features.set(hash(key), (features.get(hash(key)) ?? 0) + weight);
  words.forEach((word, i) => {
    add(`w:${word}`, 1);
    if (i + 1 < words.length) add(`b:${word} ${words[i + 1]}`, 1);
    const edged = `<${word}>`;
    for (let n = 3; n <= 5; n++)
      for (let j = 0; j + n <= edged.length; j++) add(`c:${edged.slice(j, j + n)}`, 0.5);
  });
  const norm = Math.sqrt([...features.values()].reduce((sum, v) => sum + v * v, 0));
  return new Map([...features].map(([bucket, value]) => [bucket, value / norm]));
}

describe('type model features', () => {
  it('hash words, word pairs and character n-grams exactly as the string reference does', () => {
    for (const words of [
      ['hei'],
      ['jeg', 'er', 'skikkelig', 'lei'],
      ['älskar', 'är', 'väntan'],
      ['en', 'ole', 'tyytyväinen', 'ää'],
    ]) {
      const fast = modelFeatures(words, 12);
      const slow = referenceFeatures(words, 12);
      expect(new Set(fast.buckets)).toEqual(new Set(slow.keys()));
      for (const [i, bucket] of fast.buckets.entries())
        expect(fast.values[i]).toBeCloseTo(slow.get(bucket) ?? Number.NaN, 12);
    }
  });

  it('gives nothing for no words and stays within 2^bits buckets', () => {
    expect(modelFeatures([], 12).buckets).toEqual([]);
    const features = modelFeatures(['x'.repeat(500), '😀', ''], 12);
    expect(features.buckets.every((b) => b >= 0 && b < 4096)).toBe(true);
  });
});

describe('shipped model', () => {
  it('was trained on the data as it is now (retrain with scripts/train-model.ts)', () => {
    expect(shipped.trainedOn).toBe(trainingHash());
  });

  it('has every language, every type and every cue', () => {
    expect([...shipped.types].sort()).toEqual([...CUSTOMER_TYPES].sort());
    expect([...shipped.cues].sort()).toEqual([...CUES].sort());
    for (const lang of LANGS) {
      const entry = shipped.langs[lang];
      expect(atob(entry?.types.weights ?? '').length, lang).toBe((1 << shipped.bits) * CUSTOMER_TYPES.length);
      expect(atob(entry?.cues.weights ?? '').length, lang).toBe((1 << shipped.bits) * CUES.length);
    }
  });

  it('returns a probability per type, none for an empty message', () => {
    for (const lang of LANGS) {
      const p = typeProbabilities(lang, ['hello', 'there']);
      expect(p).toHaveLength(CUSTOMER_TYPES.length);
      expect(p?.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(typeProbabilities(lang, [])).toBeUndefined();
      const cues = cueProbabilities(lang, ['hello', 'there']) ?? [];
      expect(cues).toHaveLength(CUES.length);
      expect(cues.every((q) => q > 0 && q < 1)).toBe(true);
    }
  });
});
