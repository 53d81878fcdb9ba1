import { IsInt, IsString, IsUrl, Max, Min } from 'class-validator';
import { ConfigurationError, loadConfig } from './load-config';

class SampleConfig {
  @IsUrl({ require_tld: false, protocols: ['nats'] })
  NATS_URL: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  SERVICE_NAME: string = 'sample';
}

describe('loadConfig', () => {
  it('converts types and keeps defaults', () => {
    const config = loadConfig(SampleConfig, { NATS_URL: 'nats://127.0.0.1:4222', PORT: '8080' });
    expect(config.PORT).toBe(8080);
    expect(config.SERVICE_NAME).toBe('sample');
  });

  it('lists every invalid variable in one error', () => {
    expect(() => loadConfig(SampleConfig, { PORT: '70000' })).toThrow(ConfigurationError);
    try {
      loadConfig(SampleConfig, { PORT: '70000' });
    } catch (error) {
      expect((error as Error).message).toMatch(/NATS_URL/);
      expect((error as Error).message).toMatch(/PORT/);
    }
  });
});
