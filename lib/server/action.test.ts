import { describe, expect, it } from 'vitest';
import { fieldsWithNul, formToObject } from './action';

describe('formToObject', () => {
  it('gives repeated names as arrays and leaves out the framework’s fields', () => {
    const fd = new FormData();
    fd.append('criteria', 'revenue');
    fd.append('criteria', 'financing');
    fd.append('name', '张三');
    fd.append('$ACTION_ID_abc', '');
    expect(formToObject(fd)).toEqual({ criteria: ['revenue', 'financing'], name: '张三' });
  });

  it('keeps __proto__ and constructor as plain fields, never the prototype', () => {
    const fd = new FormData();
    fd.append('__proto__', new File([], 'x'));
    fd.append('constructor', 'y');
    fd.append('name', 'z');
    const out = formToObject(fd);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(out.constructor).toBe('y');
    expect(out.name).toBe('z');
  });
});

describe('fieldsWithNul', () => {
  it('names the top-level fields holding a NUL at any depth, file names included', () => {
    expect(fieldsWithNul({ a: 'ok', b: 'x\u0000y', c: { d: ['\u0000'] }, e: new File([], 'a\u0000b') })).toEqual({
      b: [{ key: 'nulCharacter' }],
      c: [{ key: 'nulCharacter' }],
      e: [{ key: 'nulCharacter' }],
    });
    expect(fieldsWithNul({ a: '正常', n: 1, none: null })).toBeUndefined();
  });
});
