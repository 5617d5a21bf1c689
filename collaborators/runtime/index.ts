// The collaborator runtime shared by every reference agent (see docs/collaborators.md).
export { runAgent, startAgent, EXIT_CONFIG, EXIT_OK, type AgentContext, type AgentDefinition } from './agent';
export { backoffDelay, sleep, type BackoffPolicy } from './backoff';
export { helpText, isPrivateKey, parseAgentCli, KEY_ENV, type AgentCli, type CommonOptions, type OptionSpecs, type OptionValues } from './cli';
export { connect, defaultDeploymentsFile, loadDeploymentsFile, REPO_ROOT, type AgentPublicClient, type AgentWalletClient, type ChainConnection } from './connect';
export { createContentClient, DEFAULT_CONTENT_URL, type ContentClient, type FetchedDocument } from './content';
export { AgentConfigError, ContentUnavailableError, DocumentRejectedError, isUnreachable, shortMessage, unreachableService } from './errors';
export { createLogger, formatLogLine, type Logger, type LogFields, type LogLevel } from './log';
export { buildSourceManifest, type SourceManifest } from './source';
export { ensureMember, type Membership } from './membership';
