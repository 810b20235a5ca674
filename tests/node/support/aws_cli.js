// Running the AWS CLI from tests: an environment with only the settings the calls need (no user
// profile, config file or pager can change what it does), and whether `aws` is installed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const runFile = promisify(execFile);

export const AWS_ENV = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'x',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/nonexistent',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
  AWS_MAX_ATTEMPTS: '1',
};

export async function awsCliAvailable() {
  try {
    await runFile('aws', ['--version'], { env: AWS_ENV, timeout: 20000 });
    return true;
  } catch {
    return false;
  }
}
