/** Experience: level and progress to the next level (thresholds come from the Reputation contract). */
export function LevelBar({ xp, level, currentLevelXp, nextLevelXp }: { xp: bigint; level: number; currentLevelXp: bigint; nextLevelXp: bigint | null }) {
  const span = nextLevelXp === null ? 1n : nextLevelXp - currentLevelXp;
  const done = nextLevelXp === null ? 1n : xp - currentLevelXp;
  const percent = span > 0n ? Number((done * 100n) / span) : 100;
  return (
    <div className="flex flex-col gap-1" data-testid="level">
      <p>
        <span className="text-2xl font-bold">Level {level}</span>{' '}
        <span className="text-slate-700" data-testid="xp">
          {xp.toLocaleString('en')} XP
        </span>
      </p>
      <div
        className="h-2 overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-label="Progress to the next level"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="h-full bg-brand-700" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-600">
        {nextLevelXp === null ? 'Highest level reached.' : `${(nextLevelXp - xp).toLocaleString('en')} XP to level ${level + 1}.`}
      </p>
    </div>
  );
}
