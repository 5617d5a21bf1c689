// npm run agent:service -- --key 0x… [--rpc URL] [--content URL] …  (--help for all options)
import { runAgent } from '../runtime';
import { referenceService, serviceAgent } from './agent';

runAgent(serviceAgent(referenceService));
