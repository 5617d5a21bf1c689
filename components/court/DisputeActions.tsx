'use client';
// What the connected account can do with a dispute now: vote if drawn (commit, then reveal),
// appeal if it lost, and move the dispute on when its period is over (anyone).
import { useMemo, useState } from 'react';
import type { Address } from 'viem';
import { useAccount, useBalance } from 'wagmi';
import {
  CHOICE_LABELS,
  PERIOD_LABELS,
  canAdvance,
  hashVote,
  mayAppeal,
  parseSavedVote,
  parseVoteFile,
  randomSalt,
  seatsFor,
  voteFile,
  voteFileName,
  voteStorageKey,
  type Ruling,
  type SavedVote,
  type VoteTarget,
} from '@/lib/court';
import { formatEth } from '@/lib/format';
import { useToast } from '../Toaster';
import { WalletStatus } from '../forms/WalletStatus';
import { useContractWrite } from '../wallet/useContractWrite';
import { useWalletLoader } from '../wallet/WalletLoader';
import { Countdown, useChainNow } from './ChainClock';
import { rulingText } from './DisputeBadge';
import type { CurrentBallot, DisputeActionProps } from './types';

export default function DisputeActions(props: DisputeActionProps) {
  const { address } = useAccount();
  const mine = address ? props.ballots.find((b) => b.juror.toLowerCase() === address.toLowerCase()) : undefined;
  return (
    <div className="flex flex-col gap-4">
      <WalletStatus />
      {mine && address && (props.period === 'commit' || props.period === 'reveal') ? <Vote props={props} ballot={mine} juror={address} /> : null}
      {props.period === 'appeal' ? <Appeal props={props} account={address} /> : null}
      <Advance props={props} />
    </div>
  );
}

/** Upper bound of what a seat drawn for a new juror costs beyond a seat for one already drawn. */
const DRAW_GAS_PER_SEAT = 80_000n;

const NEXT_STEP: Record<DisputeActionProps['period'], string> = {
  evidence: 'Advance: draw the jurors',
  commit: 'Advance to the reveal period',
  reveal: 'Advance: count the votes',
  appeal: 'Advance: execute the ruling',
  executed: '',
};

function Advance({ props }: { props: DisputeActionProps }) {
  const { send, busy, address, wrongChain } = useContractWrite();
  const now = useChainNow();
  const ready = canAdvance({ period: props.period, periodEnd: props.periodEnd, jurors: props.ballots.length, commits: props.commits, reveals: props.reveals }, now);
  const early = ready && now < props.periodEnd;
  return (
    <div className="flex flex-col gap-1 border-t border-slate-200 pt-3" data-testid="advance">
      <button
        type="button"
        className="btn-secondary"
        disabled={!ready || busy || !address || wrongChain}
        onClick={() =>
          send({
            module: 'DisputeCourt',
            functionName: 'advance',
            args: [BigInt(props.disputeId)],
            label: 'Advance',
            // Which jurors the draw picks depends on the block: allow for every seat going to a new juror.
            gasExtra: props.period === 'evidence' ? BigInt(seatsFor(props.round)) * DRAW_GAS_PER_SEAT : undefined,
          })
        }
      >
        {NEXT_STEP[props.period]}
      </button>
      <p className="text-xs text-slate-600">
        {ready ? (
          early ? (
            'Every drawn juror has acted, so anyone may move on now.'
          ) : (
            `The ${PERIOD_LABELS[props.period].toLowerCase()} period is over: anyone may move the dispute on.`
          )
        ) : (
          <>
            Possible <Countdown endsAt={props.periodEnd} prefix="in " over="now" /> (when the {PERIOD_LABELS[props.period].toLowerCase()} period ends
            {props.period === 'commit' ? ' or every juror committed' : props.period === 'reveal' ? ' or every juror revealed' : ''}).
          </>
        )}
      </p>
    </div>
  );
}

function Appeal({ props, account }: { props: DisputeActionProps; account: Address | undefined }) {
  const { send, busy, wrongChain } = useContractWrite();
  const toast = useToast();
  const now = useChainNow();
  const balance = useBalance({ address: account, query: { enabled: !!account } });
  const { buyer, seller, orderId, appealCost } = props;
  if (!buyer || !seller || !orderId) return null;
  const open = now < props.periodEnd;
  const current = <p className="text-sm">Current ruling: <span className="font-semibold">{rulingText(props.ruling)}</span>.</p>;
  if (appealCost === null) return <div className="flex flex-col gap-1">{current}<p className="text-sm text-slate-700">No further appeal is possible.</p></div>;
  if (!open) return <div className="flex flex-col gap-1">{current}<p className="text-sm text-slate-700">The appeal window is closed.</p></div>;
  const cost = BigInt(appealCost);
  const party = account && (account.toLowerCase() === buyer.toLowerCase() || account.toLowerCase() === seller.toLowerCase());
  if (!mayAppeal(props.ruling, account, buyer, seller)) {
    return (
      <div className="flex flex-col gap-1">
        {current}
        <p className="text-sm text-slate-700">
          {party ? 'The ruling is in your favour; the other party' : 'The losing party'} may appeal for {formatEth(cost, 18)}{' '}
          <Countdown endsAt={props.periodEnd} prefix="for another " over="until now" />.
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2" data-testid="appeal">
      {current}
      <p className="text-sm text-slate-700">
        You may appeal: a new round with {seatsFor(props.round + 1)} jurors decides again. The appeal pays their fees. Closes{' '}
        <Countdown endsAt={props.periodEnd} prefix="in " over="now" />.
      </p>
      <button
        type="button"
        className="btn-danger"
        disabled={busy || wrongChain}
        onClick={async () => {
          if (balance.data && balance.data.value < cost) return toast.show({ kind: 'error', title: 'Appeal', detail: 'Your balance is too low to pay the appeal.' });
          await send({ module: 'Marketplace', functionName: 'appeal', args: [BigInt(orderId)], value: cost, label: 'Appeal' });
        }}
      >
        Appeal for {formatEth(cost, 18)}
      </button>
    </div>
  );
}

function Vote({ props, ballot, juror }: { props: DisputeActionProps; ballot: CurrentBallot; juror: Address }) {
  const { config } = useWalletLoader();
  const { send, busy, wrongChain } = useContractWrite();
  const toast = useToast();
  const [choice, setChoice] = useState<Ruling>(1);
  const [version, setVersion] = useState(0);
  const [importError, setImportError] = useState<string | undefined>();
  const target: VoteTarget | null = config
    ? { chainId: config.chainId, court: config.deployments.DisputeCourt, disputeId: BigInt(props.disputeId), round: props.round, juror }
    : null;
  const key = target ? voteStorageKey(target) : null;
  const saved = useMemo<SavedVote | null>(() => (key ? parseSavedVote(window.localStorage.getItem(key)) : null), [key, version]);
  if (!target || !key) return null;
  const matches = (v: SavedVote | null) => !!v && hashVote(v.choice, v.salt, juror, target.disputeId, target.round) === ballot.commitment;
  const savedMatches = ballot.committed && matches(saved);
  const store = (v: SavedVote) => {
    window.localStorage.setItem(key, JSON.stringify(v));
    setVersion((n) => n + 1);
  };

  const download = (v: SavedVote) => {
    const blob = new Blob([voteFile(target, v)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = voteFileName(target);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseVoteFile(await file.text(), target);
    if (!parsed.ok) return setImportError(parsed.error);
    if (ballot.committed && !matches(parsed.vote)) return setImportError('This vote does not match the commitment you sent: it could not be revealed.');
    setImportError(undefined);
    store(parsed.vote);
    toast.show({ kind: 'info', title: 'Vote restored', detail: `${CHOICE_LABELS[parsed.vote.choice]} — ready to reveal.` });
  };

  const importer = (
    <label className="text-sm">
      <span className="label">Import your vote file</span>
      <input
        type="file"
        accept="application/json,.json"
        className="text-sm file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-slate-900 hover:file:bg-slate-100"
        onChange={(e) => void importFile(e.target.files?.[0])} aria-describedby={importError ? 'vote-import-error' : undefined} />
      {importError ? (
        <span id="vote-import-error" className="field-error block">
          {importError}
        </span>
      ) : null}
    </label>
  );

  const heading = (
    <p className="text-sm">
      You were drawn for <span className="font-semibold">{ballot.seats} seat{ballot.seats === 1 ? '' : 's'}</span> in round {props.round + 1}.
    </p>
  );

  if (props.period === 'commit' && !ballot.committed) {
    return (
      <form
        aria-label="Commit your vote"
        className="flex flex-col gap-2 rounded-lg border border-violet-200 bg-violet-50 p-3"
        data-testid="vote"
        onSubmit={async (e) => {
          e.preventDefault();
          // The salt is kept before anything is sent: without it the vote could never be revealed.
          const vote: SavedVote = { choice, salt: randomSalt() };
          store(vote);
          await send({
            module: 'DisputeCourt',
            functionName: 'commit',
            args: [target.disputeId, hashVote(vote.choice, vote.salt, juror, target.disputeId, target.round)],
            label: 'Commit vote',
          });
        }}
      >
        {heading}
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="label">Your vote</legend>
          {([1, 2, 0] as const).map((c) => (
            <label key={c} className="flex items-center gap-2">
              <input type="radio" name="choice" checked={choice === c} onChange={() => setChoice(c)} />
              {CHOICE_LABELS[c]}
            </label>
          ))}
        </fieldset>
        <p className="text-xs text-slate-700">Only a hash of your vote and a random secret goes on chain. Both are kept in this browser; download them too, to reveal from elsewhere.</p>
        <button type="submit" className="btn-primary self-start" disabled={busy || wrongChain}>
          Commit vote
        </button>
      </form>
    );
  }

  if (props.period === 'commit') {
    return (
      <div className="flex flex-col gap-2 rounded-lg border border-violet-200 bg-violet-50 p-3" data-testid="vote">
        {heading}
        <p className="text-sm font-semibold">Your vote is committed.</p>
        {savedMatches && saved ? (
          <>
            <p className="text-sm text-slate-700">
              Kept in this browser: {CHOICE_LABELS[saved.choice]}. Reveal it in the reveal period.
            </p>
            <button type="button" className="btn-secondary self-start" onClick={() => download(saved)}>
              Download vote file
            </button>
          </>
        ) : (
          <>
            <p className="text-sm text-amber-900">This browser does not hold the secret of your vote. Import the vote file you downloaded to reveal it later.</p>
            {importer}
          </>
        )}
      </div>
    );
  }

  // Reveal period.
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-amber-200 bg-amber-50 p-3" data-testid="vote">
      {heading}
      {!ballot.committed ? (
        <p className="text-sm text-red-800">You did not commit a vote in time: the stake locked for your seats will be lost.</p>
      ) : ballot.revealed ? (
        <p className="text-sm font-semibold">Your vote is revealed.</p>
      ) : savedMatches && saved ? (
        <>
          <p className="text-sm text-slate-700">Your committed vote: {CHOICE_LABELS[saved.choice]}.</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="btn-primary"
              disabled={busy || wrongChain}
              onClick={() => send({ module: 'DisputeCourt', functionName: 'reveal', args: [target.disputeId, BigInt(saved.choice), saved.salt], label: 'Reveal vote' })}
            >
              Reveal vote
            </button>
            <button type="button" className="btn-secondary" onClick={() => download(saved)}>
              Download vote file
            </button>
          </div>
          <p className="text-xs text-slate-600">A vote not revealed before the period ends loses the stake locked for it.</p>
        </>
      ) : (
        <>
          <p className="text-sm text-amber-900">This browser does not hold the secret of your vote. Import the vote file you downloaded when you committed.</p>
          {importer}
        </>
      )}
    </div>
  );
}
