import { describe, expect, it } from 'vitest';
import { samePicture } from './same-picture.ts';

describe('samePicture', () => {
  it('knows the same file at another size, in another folder or behind an image proxy', () => {
    expect(
      samePicture(
        'https://a.example/headlines/1/brain-bulb.jpg',
        'https://cdn.example/articles/1/brain-bulb.jpg',
      ),
    ).toBe(true);
    expect(
      samePicture('https://a.example/120028-1200x630.jpg', 'https://a.example/120028-1560x979.jpg'),
    ).toBe(true);
    expect(
      samePicture(
        'https://w.example/1200px-Flag_of_NZ.svg.png',
        'https://w.example/250px-Flag_of_NZ.svg.png',
      ),
    ).toBe(true);
    expect(
      samePicture(
        'https://p.example/dims?thumbnail=1200%2C630&image_uri=https%3A%2F%2Fs.example%2Fphoto-one.jpg',
        'https://p.example/dims?resize=980%2C640&image_uri=https%3A%2F%2Fs.example%2Fphoto-one.jpg',
      ),
    ).toBe(true);
  });

  it('tells different pictures apart, also behind the same proxy or under a short name', () => {
    expect(samePicture('https://a.example/kiln.jpg', 'https://a.example/glaze-large.jpg')).toBe(false);
    expect(
      samePicture(
        'https://p.example/dims?image_uri=https%3A%2F%2Fs.example%2Fphoto-one.jpg',
        'https://p.example/dims?image_uri=https%3A%2F%2Fs.example%2Fphoto-two.jpg',
      ),
    ).toBe(false);
    expect(samePicture('https://a.example/1/img.jpg', 'https://a.example/2/img.jpg')).toBe(false);
  });
});
