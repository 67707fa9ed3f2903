// dt-sql-parser 4.5.1 ships ES modules whose imports omit ".js" and "/index.js", which Node's ESM loader refuses:
// this resolve hook retries such a specifier with the suffix a bundler would have added.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') {
      return next(`${specifier}/index.js`, context);
    }
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && specifier.startsWith('.') && !specifier.endsWith('.js')) {
      return next(`${specifier}.js`, context);
    }
    throw error;
  }
}
