import { Alert } from '@mantine/core';
import { useSearchParams } from 'react-router';

/**
 * What a "Test connection" run came back with: the identity provider sends the browser to
 * /account/security?ssoTest=ok&email=… or ?ssoTest=failed&reason=…. Closing it clears the address.
 */
export function TestResult() {
  const [params, setParams] = useSearchParams();
  const outcome = params.get('ssoTest');
  if (outcome !== 'ok' && outcome !== 'failed') return null;
  const close = () => setParams({}, { replace: true });
  return outcome === 'ok' ? (
    <Alert
      color="green"
      title="The connection works"
      withCloseButton
      closeButtonLabel="Close"
      onClose={close}
      data-testid="sso-test-result"
    >
      Signed in as {params.get('email') ?? 'an unnamed identity'}; nothing else changed.
    </Alert>
  ) : (
    <Alert
      color="red"
      title="The test sign-in was refused"
      withCloseButton
      closeButtonLabel="Close"
      onClose={close}
      role="alert"
      data-testid="sso-test-result"
    >
      {params.get('reason') ?? 'The identity provider’s answer could not be used.'} Check the connection
      below, then test again.
    </Alert>
  );
}
