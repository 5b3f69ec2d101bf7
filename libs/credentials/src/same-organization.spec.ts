import { describe, expect, it } from '@jest/globals';
import { sameOrganization } from './same-organization.js';

describe('sameOrganization', () => {
  it('matches the same credit code however it was typed', () => {
    expect(sameOrganization('91110000600037341l', ' 91110000600037341L')).toBe(true);
  });

  it('matches a credit code with the old organization code the HiChina-era registry holds, either way round', () => {
    expect(sameOrganization('91110000600037341L', '60003734-1')).toBe(true);
    expect(sameOrganization('91110000600037341L', '600037341')).toBe(true);
    expect(sameOrganization('60003734-1', '91110000600037341L')).toBe(true);
  });

  it('matches the same organization code with and without the hyphen', () => {
    expect(sameOrganization('600037341', '60003734-1')).toBe(true);
  });

  it('does not match a different organization code, or a credit code with a wrong check character', () => {
    expect(sameOrganization('91110000600037341L', '60003735-X')).toBe(false);
    expect(sameOrganization('91110000600037341M', '60003734-1')).toBe(false);
  });

  it('does not match empty values or a registration number with a credit code', () => {
    expect(sameOrganization('', '')).toBe(false);
    expect(sameOrganization('91110000600037341L', '110000000000001')).toBe(false);
  });
});
