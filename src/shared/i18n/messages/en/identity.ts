/** Sign-in, staff accounts and their refusals, in English. */
export const identity = {
  'identity.signIn.title': 'Sign in',
  'identity.signIn.lead': 'ICP Filing Account Email Initialization — staff sign-in',
  'identity.signIn.email': 'Email',
  'identity.signIn.password': 'Password',
  'identity.signIn.submit': 'Sign in',
  'identity.signIn.missingFields': 'Enter your email and password.',
};
