// npm run agent:faulty -- --key 0x… — DEMO OF FRAUD DETECTION: the reference service agent with a
// result policy that answers every other order (even order ids) wrongly, so the rating agent's
// revocation and a dispute can be seen live. Never run it as a real service.
import { REFERENCE_PROGRAMS } from '../reference';
import { runAgent } from '../runtime';
import { serviceAgent } from '../service/agent';
import { everyOtherOrderWrong } from './wrongResults';

runAgent(
  serviceAgent({
    name: 'faulty',
    summary: 'DEMO OF FRAUD DETECTION: a service agent that delivers a wrong result for every order with an even id (the rest are correct). Its registry name and profile say so.',
    source: REFERENCE_PROGRAMS.faulty,
    profileNote: '**Demo: faulty service.** This collaborator exists to show fraud detection: it delivers a wrong result for every order with an even id. Do not rely on its results.',
    policy: everyOtherOrderWrong,
    defaults: { name: 'Demo: faulty service', description: 'A deliberately faulty copy of the reference service agent, for the fraud-detection demo.' },
  }),
);
