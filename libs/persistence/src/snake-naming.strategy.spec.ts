import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();

  it('names tables and columns in snake_case, keeping explicit names', () => {
    expect(naming.tableName('AuditEntryEntity', undefined)).toBe('audit_entry_entity');
    expect(naming.tableName('X', 'outbox_message')).toBe('outbox_message');
    expect(naming.columnName('comuneResidenzaIstat', undefined, [])).toBe('comune_residenza_istat');
    expect(naming.columnName('codice', 'cod', [])).toBe('cod');
    expect(naming.columnName('telefono', undefined, ['recapiti'])).toBe('recapiti_telefono');
  });

  it('names join columns after the relation and the referenced column', () => {
    expect(naming.joinColumnName('subAmbito', 'codice')).toBe('sub_ambito_codice');
  });
});
