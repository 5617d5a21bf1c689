// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IArbitrable} from "./interfaces/IArbitrable.sol";
import {IArbitrator} from "./interfaces/IArbitrator.sol";
import {IEvidence} from "./interfaces/IEvidence.sol";
import {StakeTree} from "./libraries/StakeTree.sol";

/// @title DisputeCourt
/// @notice The Open Source Organization's court: an ERC-792 arbitrator whose jurors stake ETH, are
/// drawn at random weighted by stake, vote by commit–reveal and are rewarded for voting with the
/// majority (coherent) or penalised for voting against it or not revealing. Evidence follows ERC-1497.
///
/// Lifecycle of a dispute, one round at a time (round r has `seatsFor(r)` seats: 3, 7, 15, … = 2n+1):
///   Evidence → Commit → Reveal → Appeal → Executed
/// - Evidence: parties and anyone else `submitEvidence`. When it is over, `advance` draws the seats.
/// - Commit: each drawn juror commits `hashVote(choice, salt, juror, disputeId, round)` once.
/// - Reveal: each juror reveals its choice and salt once; its vote weighs its seats.
/// - Appeal: the round's ruling stands; the arbitrable may pay `appealCost` to start the next round
///   (back to Evidence, then a bigger draw). A round that is the last one (`maxRounds`) skips the
///   Appeal period: its ruling is executed when its reveal period ends.
/// - Executed: `IArbitrable.rule(disputeId, ruling)` was called, exactly once. The ruling is final.
/// Anyone may `advance` a dispute once its period is over (every period has a governance-set
/// duration). Commit and Reveal also end early as soon as every drawn juror has acted. A period's
/// actions are accepted while the dispute is in it, also after its duration until someone advances.
///
/// Ruling of a round: the choice with strictly the most revealed seats. A tie for the most (which
/// includes nobody revealing) rules 0 (refused: the Marketplace splits 50/50). A round where nobody
/// votes still moves on: it cannot stall a dispute.
///
/// Seats and stake: a draw picks `seatsFor(round)` seats one after the other, each with probability
/// proportional to the jurors' draw weights; a juror may be drawn several times and then votes with
/// that many seats (one commit, one reveal). Each seat locks `lockPerSeat` of the juror's free stake
/// (stake − locked). Draw weight = free stake when the juror's stake is at least `minStake` and its
/// free stake at least `lockPerSeat`, else 0 (so a juror is never drawn for a seat it cannot lock).
/// Weights are kept in a K-ary sum tree (StakeTree) and recomputed whenever the juror's stake or
/// locks change; a later change of `minStake` or `lockPerSeat` reaches a juror's weight the next
/// time that juror's stake or locks change (a drawn seat then locks min(lockPerSeat, free stake),
/// so `locked <= stake` always holds). If no weight is left mid-draw, `advance` reverts `NoJurors`
/// and the dispute waits in Evidence until jurors stake.
///
/// Randomness: the draw seed is keccak256(block.prevrandao, disputeId, round), fixed by the block in
/// which the Evidence period is advanced. On a local chain and on a proof-of-stake chain this is
/// good enough for a demo court but not for high stakes: the proposer of that block knows prevrandao
/// in advance and could choose to include or skip the `advance` transaction (a one-bit bias), and
/// on some L2s the sequencer sets it. On a public chain the draw should use a VRF instead: `advance`
/// would request randomness (Evidence → Drawing) and the VRF callback would store the seed and draw;
/// only `_seed` and the state between request and callback change.
///
/// Incentives, settled when a round's Reveal period ends (its locks are released then):
/// - coherent juror: revealed the round's winning choice. Incoherent: revealed another choice.
/// - every incoherent and every non-revealing juror loses the stake its seats locked (the penalty);
/// - the round's fees plus the penalties are shared among coherent jurors by seats, credited to
///   `withdrawable` (pull payment, `withdraw`); the rounding dust goes to the treasury;
/// - if the round has no winning choice (a tie, or nobody revealed), nobody is coherent: revealers
///   are neither rewarded nor penalised, non-revealers are penalised, and the fees and penalties
///   are credited to the treasury. So Σ penalties + Σ fees = Σ rewards + Σ treasury credits.
///
/// Money: the contract holds Σ stakes (`totalStaked`) + fees of unsettled rounds (`heldFees`) +
/// credits not withdrawn (`totalCredits`). Unstaking pays the caller directly; credits are pulled.
/// @dev UUPS upgradeable, ERC-7201 namespaced storage. The court supports disputes with 2 choices.
contract DisputeCourt is
    IArbitrator,
    IEvidence,
    Initializable,
    AccessControlUpgradeable,
    UUPSUpgradeable,
    ReentrancyGuardTransient
{
    using StakeTree for StakeTree.Tree;

    // ─────────────────────────────── Types ───────────────────────────────

    /// @notice Period of a dispute's current round.
    enum Period {
        Evidence,
        Commit,
        Reveal,
        Appeal,
        Executed
    }

    /// @notice Governance parameters, in three slots.
    struct Params {
        uint128 minStake;
        uint128 feePerSeat;
        uint128 lockPerSeat;
        uint32 evidenceDuration;
        uint32 commitDuration;
        uint32 revealDuration;
        uint32 appealDuration;
        uint8 maxRounds;
        address treasury;
    }

    /// @notice A juror's money: `stake` (of which `locked` by open draws) and `withdrawable` credit.
    struct Juror {
        uint128 stake;
        uint128 locked;
        uint256 withdrawable;
    }

    /// @notice A drawn juror's vote in one round (the commitment is written by `commit`).
    struct Ballot {
        uint16 seats;
        bool revealed;
        uint8 choice;
        uint128 locked;
        bytes32 commitment;
    }

    /// @notice One round. `tally` packs the revealed seats per choice, 16 bits each (choice 0 lowest).
    struct Round {
        uint16 seats;
        uint16 commits;
        uint16 reveals;
        uint48 tally;
        uint16 coherentSeats;
        uint8 ruling;
        bool settled;
        uint96 fees;
        uint128 penalties;
        uint128 rewards;
        address[] jurors;
        mapping(address juror => Ballot) ballots;
    }

    /// @notice A dispute, one slot.
    struct DisputeRecord {
        address arbitrable;
        uint8 choices;
        uint8 round;
        Period period;
        uint8 ruling;
        uint40 periodStart;
    }

    /// @notice A dispute as the app reads it. `periodEnd` is when `advance` becomes possible by time
    /// (0 once executed); `appealCost` is type(uint256).max when no appeal is possible any more.
    struct DisputeView {
        address arbitrable;
        uint8 choices;
        uint8 round;
        Period period;
        uint8 ruling;
        uint40 periodStart;
        uint40 periodEnd;
        uint256 appealCost;
    }

    /// @notice A drawn juror's ballot as the app reads it.
    struct BallotView {
        address juror;
        uint16 seats;
        bool committed;
        bool revealed;
        uint8 choice;
        uint256 locked;
        bytes32 commitment;
    }

    /// @notice A round as the app reads it: `votes[c]` = revealed seats for choice c; `rewards` went
    /// to coherent jurors, `fees + penalties − rewards` to the treasury (once settled).
    struct RoundView {
        uint16 seats;
        uint16 commits;
        uint16 reveals;
        uint16[3] votes;
        uint16 coherentSeats;
        uint8 ruling;
        bool settled;
        uint256 fees;
        uint256 penalties;
        uint256 rewards;
        BallotView[] ballots;
    }

    /// @notice A juror as the app reads it; `drawWeight` is its weight in the draw now.
    struct JurorView {
        uint256 stake;
        uint256 locked;
        uint256 withdrawable;
        uint256 drawWeight;
    }

    /// @custom:storage-location erc7201:oso.storage.DisputeCourt
    struct CourtStorage {
        Params params;
        uint64 disputeCount;
        uint128 heldFees;
        uint128 totalStaked;
        uint128 totalCredits;
        mapping(uint256 disputeId => DisputeRecord) disputes;
        mapping(uint256 disputeId => mapping(uint256 round => Round)) rounds;
        mapping(address account => Juror) jurors;
        StakeTree.Tree tree;
    }

    // ────────────────────────────── Constants ─────────────────────────────

    /// @notice Ruling options a dispute must have (ruling 0, refused, comes on top).
    uint256 public constant CHOICES = 2;
    /// @notice Seats of the first round; round r has (FIRST_SEATS + 1)·2^r − 1 seats.
    uint256 public constant FIRST_SEATS = 3;
    /// @notice Highest `maxRounds` governance may set (the fifth round has 63 seats).
    uint8 public constant MAX_ROUNDS_LIMIT = 5;
    /// @notice Shortest period duration governance may set.
    uint32 public constant MIN_DURATION = 1 minutes;
    /// @notice Longest period duration governance may set.
    uint32 public constant MAX_DURATION = 30 days;
    /// @notice Highest fee per seat governance may set.
    uint256 public constant MAX_FEE_PER_SEAT = 10 ether;
    /// @notice Highest minimum stake governance may set.
    uint256 public constant MAX_MIN_STAKE = 10_000 ether;
    /// @notice Longest evidence URI, in bytes.
    uint256 public constant MAX_URI_LENGTH = 256;

    /// @notice May set the court's parameters.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice May upgrade the implementation.
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");

    // keccak256(abi.encode(uint256(keccak256("oso.storage.DisputeCourt")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x8b5c5db2cabcc9ac86b9a163d2d4f8d4ba074767473b790cf19c43683b54e600;

    // ─────────────────────────────── Events ───────────────────────────────

    /// @notice Dispute `disputeId` entered `period` of `round` at `start`.
    event NewPeriod(uint256 indexed disputeId, uint256 round, Period period, uint256 start);
    /// @notice `juror` was drawn for seat `seat` (0-based) of `round`.
    event JurorDrawn(uint256 indexed disputeId, uint256 indexed round, address indexed juror, uint256 seat);
    /// @notice `juror` committed `commitment` in `round`.
    event VoteCommitted(uint256 indexed disputeId, uint256 indexed round, address indexed juror, bytes32 commitment);
    /// @notice `juror` revealed `choice`, weighing `seats`, in `round`.
    event VoteRevealed(
        uint256 indexed disputeId, uint256 indexed round, address indexed juror, uint256 choice, uint256 seats
    );
    /// @notice `juror`'s seats in `round` were settled: `released` stake unlocked, `penalty` taken
    /// from its stake, `reward` credited.
    event JurorSettled(
        uint256 indexed disputeId,
        uint256 indexed round,
        address indexed juror,
        uint256 released,
        uint256 penalty,
        uint256 reward
    );
    /// @notice `round` was tallied and settled: `ruling`, `coherentSeats`, the round's `fees` and
    /// `penalties`, and what was credited to the treasury (`toTreasury`).
    event RoundSettled(
        uint256 indexed disputeId,
        uint256 indexed round,
        uint256 ruling,
        uint256 coherentSeats,
        uint256 fees,
        uint256 penalties,
        uint256 toTreasury
    );
    /// @notice Dispute `disputeId`'s final `ruling` was passed to its arbitrable.
    event DisputeExecuted(uint256 indexed disputeId, address indexed arbitrable, uint256 ruling);
    /// @notice `juror` staked `amount`; its stake is now `stake`.
    event Staked(address indexed juror, uint256 amount, uint256 stake);
    /// @notice `juror` unstaked `amount` (paid out); its stake is now `stake`.
    event Unstaked(address indexed juror, uint256 amount, uint256 stake);
    /// @notice `account` withdrew `amount` wei of credit.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice The minimum stake changed.
    event MinStakeSet(uint256 minStake);
    /// @notice The fee per seat changed.
    event FeePerSeatSet(uint256 feePerSeat);
    /// @notice The stake locked per drawn seat changed.
    event LockPerSeatSet(uint256 lockPerSeat);
    /// @notice The period durations changed.
    event DurationsSet(uint32 evidence, uint32 commit, uint32 reveal, uint32 appeal);
    /// @notice The number of rounds (first one and appeals) changed.
    event MaxRoundsSet(uint8 maxRounds);
    /// @notice The receiver of fees and penalties nobody earned changed.
    event TreasurySet(address indexed treasury);

    // ─────────────────────────────── Errors ───────────────────────────────

    /// @notice The zero address where a real one is needed.
    error ZeroAddress();
    /// @notice Only 2-choice disputes are supported.
    error UnsupportedChoices(uint256 choices);
    /// @notice The ETH sent is not exactly the cost.
    error WrongFee(uint256 sent, uint256 cost);
    /// @notice No dispute has this id.
    error UnknownDispute(uint256 disputeId);
    /// @notice The dispute is not in the period this action needs.
    error WrongPeriod(uint256 disputeId, Period period);
    /// @notice `advance` before the current period is over.
    error PeriodNotOver(uint256 disputeId, uint256 endsAt);
    /// @notice No juror can be drawn (no draw weight left).
    error NoJurors();
    /// @notice The caller was not drawn in the dispute's current round.
    error NotDrawn(uint256 disputeId, address juror);
    /// @notice The juror already committed in this round.
    error AlreadyCommitted(uint256 disputeId, address juror);
    /// @notice The juror did not commit in this round.
    error NotCommitted(uint256 disputeId, address juror);
    /// @notice The juror already revealed in this round.
    error AlreadyRevealed(uint256 disputeId, address juror);
    /// @notice A zero commitment.
    error InvalidCommitment();
    /// @notice The choice, salt, juror, dispute and round do not hash to the commitment.
    error RevealMismatch(uint256 disputeId, address juror);
    /// @notice A choice above the dispute's number of choices.
    error InvalidChoice(uint256 choice);
    /// @notice Only the dispute's arbitrable may appeal.
    error NotArbitrable(uint256 disputeId, address caller);
    /// @notice The appeal window is over.
    error AppealPeriodOver(uint256 disputeId, uint256 endedAt);
    /// @notice The dispute is in its last round.
    error NoMoreAppeals(uint256 disputeId);
    /// @notice The stake would be below the minimum (and not zero).
    error StakeTooLow(uint256 stake, uint256 minStake);
    /// @notice Part of the stake is locked by an open draw.
    error StakeLocked(uint256 locked);
    /// @notice More than the stake.
    error InsufficientStake(uint256 amount, uint256 stake);
    /// @notice Zero amount where a positive one is needed.
    error ZeroAmount();
    /// @notice Nothing is owed to the caller.
    error NothingToWithdraw();
    /// @notice Sending ETH failed.
    error TransferFailed();
    /// @notice A URI is longer than 256 bytes.
    error URITooLong();
    /// @notice A minimum stake of zero, above MAX_MIN_STAKE, or below the lock per seat.
    error InvalidMinStake(uint256 minStake);
    /// @notice A fee per seat above MAX_FEE_PER_SEAT.
    error InvalidFeePerSeat(uint256 feePerSeat);
    /// @notice A lock per seat of zero or above the minimum stake.
    error InvalidLockPerSeat(uint256 lockPerSeat);
    /// @notice A duration outside [MIN_DURATION, MAX_DURATION].
    error InvalidDuration(uint32 duration);
    /// @notice A number of rounds outside [1, MAX_ROUNDS_LIMIT].
    error InvalidMaxRounds(uint8 maxRounds);

    // ──────────────────────────── Construction ────────────────────────────

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up the proxy: `admin` receives every role; `params` are checked like the setters do.
    /// @param admin Holder of the admin, governor and upgrader roles (the timelock, in time).
    /// @param params_ Minimum stake, fee and lock per seat, period durations, rounds, treasury.
    function initialize(address admin, Params calldata params_) external initializer {
        if (admin == address(0)) revert ZeroAddress();
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        _grantRole(UPGRADER_ROLE, admin);
        _setTreasury(params_.treasury);
        if (params_.minStake == 0 || params_.minStake > MAX_MIN_STAKE) revert InvalidMinStake(params_.minStake);
        Params storage p = _storage().params;
        p.minStake = params_.minStake;
        emit MinStakeSet(params_.minStake);
        _setLockPerSeat(params_.lockPerSeat);
        _setFeePerSeat(params_.feePerSeat);
        _setDurations(
            params_.evidenceDuration, params_.commitDuration, params_.revealDuration, params_.appealDuration
        );
        _setMaxRounds(params_.maxRounds);
    }

    // ─────────────────────────────── Jurors ───────────────────────────────

    /// @notice Stake the ETH sent as a juror. The resulting stake must be at least `minStake`.
    function stake() external payable {
        if (msg.value == 0) revert ZeroAmount();
        CourtStorage storage $ = _storage();
        Juror storage j = $.jurors[msg.sender];
        uint256 newStake = j.stake + msg.value;
        uint256 minStake = $.params.minStake;
        if (newStake < minStake) revert StakeTooLow(newStake, minStake);
        j.stake = SafeCast.toUint128(newStake);
        $.totalStaked += uint128(msg.value);
        _sync($, msg.sender, j);
        emit Staked(msg.sender, msg.value, newStake);
    }

    /// @notice Take `amount` of your stake back (paid now). Only while none of it is locked (you
    /// are not drawn in a round that is not settled yet); what stays must be 0 or at least `minStake`.
    /// @param amount Wei to unstake.
    function unstake(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        CourtStorage storage $ = _storage();
        Juror storage j = $.jurors[msg.sender];
        if (j.locked != 0) revert StakeLocked(j.locked);
        uint256 current = j.stake;
        if (amount > current) revert InsufficientStake(amount, current);
        uint256 remaining = current - amount;
        uint256 minStake = $.params.minStake;
        if (remaining != 0 && remaining < minStake) revert StakeTooLow(remaining, minStake);
        j.stake = uint128(remaining);
        $.totalStaked -= uint128(amount);
        _sync($, msg.sender, j);
        emit Unstaked(msg.sender, amount, remaining);
        _send(msg.sender, amount);
    }

    /// @notice Withdraw your credit (juror rewards; for the treasury, fees and penalties nobody earned).
    function withdraw() external nonReentrant {
        CourtStorage storage $ = _storage();
        Juror storage j = $.jurors[msg.sender];
        uint256 amount = j.withdrawable;
        if (amount == 0) revert NothingToWithdraw();
        j.withdrawable = 0;
        $.totalCredits -= uint128(amount);
        emit Withdrawn(msg.sender, amount);
        _send(msg.sender, amount);
    }

    // ─────────────────────────────── ERC-792 ───────────────────────────────

    /// @inheritdoc IArbitrator
    /// @dev `_choices` must be 2; the caller is the arbitrable that will receive `rule`. The dispute
    /// starts in the Evidence period of round 0 (FIRST_SEATS seats).
    function createDispute(uint256 _choices, bytes calldata) external payable returns (uint256 disputeID) {
        if (_choices != CHOICES) revert UnsupportedChoices(_choices);
        CourtStorage storage $ = _storage();
        uint256 cost = uint256($.params.feePerSeat) * FIRST_SEATS;
        if (msg.value != cost) revert WrongFee(msg.value, cost);
        disputeID = $.disputeCount + 1;
        $.disputeCount = uint64(disputeID);
        $.heldFees += uint128(msg.value);
        DisputeRecord storage d = $.disputes[disputeID];
        d.arbitrable = msg.sender;
        d.choices = uint8(CHOICES);
        d.periodStart = uint40(block.timestamp);
        Round storage r = $.rounds[disputeID][0];
        r.seats = uint16(FIRST_SEATS);
        r.fees = uint96(msg.value);
        emit DisputeCreation(disputeID, IArbitrable(msg.sender));
        emit NewPeriod(disputeID, 0, Period.Evidence, block.timestamp);
    }

    /// @inheritdoc IArbitrator
    /// @dev Only the dispute's arbitrable, during the Appeal period (before its end) and if another
    /// round is allowed; pay exactly `appealCost`. The next round starts in Evidence.
    function appeal(uint256 _disputeID, bytes calldata) external payable {
        CourtStorage storage $ = _storage();
        DisputeRecord storage d = _dispute($, _disputeID);
        address arbitrable = d.arbitrable;
        if (msg.sender != arbitrable) revert NotArbitrable(_disputeID, msg.sender);
        if (d.period != Period.Appeal) revert WrongPeriod(_disputeID, d.period);
        uint256 end = uint256(d.periodStart) + $.params.appealDuration;
        if (block.timestamp >= end) revert AppealPeriodOver(_disputeID, end);
        uint256 next = uint256(d.round) + 1;
        if (next >= $.params.maxRounds) revert NoMoreAppeals(_disputeID);
        uint256 seats = seatsFor(next);
        uint256 cost = seats * $.params.feePerSeat;
        if (msg.value != cost) revert WrongFee(msg.value, cost);
        d.round = uint8(next);
        _setPeriod(d, _disputeID, Period.Evidence);
        Round storage r = $.rounds[_disputeID][next];
        r.seats = uint16(seats);
        r.fees = SafeCast.toUint96(msg.value);
        $.heldFees += uint128(msg.value);
        emit AppealDecision(_disputeID, IArbitrable(arbitrable));
    }

    /// @inheritdoc IArbitrator
    function arbitrationCost(bytes calldata) external view returns (uint256 cost) {
        return uint256(_storage().params.feePerSeat) * FIRST_SEATS;
    }

    /// @inheritdoc IArbitrator
    /// @dev feePerSeat × seats of the next round; type(uint256).max when the dispute is in its last
    /// allowed round or executed.
    function appealCost(uint256 _disputeID, bytes calldata) external view returns (uint256 cost) {
        CourtStorage storage $ = _storage();
        return _appealCost($, _dispute($, _disputeID));
    }

    /// @inheritdoc IArbitrator
    function appealPeriod(uint256 _disputeID) external view returns (uint256 start, uint256 end) {
        CourtStorage storage $ = _storage();
        DisputeRecord storage d = _dispute($, _disputeID);
        if (d.period != Period.Appeal) return (0, 0);
        start = d.periodStart;
        end = start + $.params.appealDuration;
    }

    /// @inheritdoc IArbitrator
    /// @dev Appealable while in the Appeal period and before its end; Solved once executed.
    function disputeStatus(uint256 _disputeID) external view returns (DisputeStatus status) {
        CourtStorage storage $ = _storage();
        DisputeRecord storage d = _dispute($, _disputeID);
        Period period = d.period;
        if (period == Period.Executed) return DisputeStatus.Solved;
        if (period == Period.Appeal && block.timestamp < uint256(d.periodStart) + $.params.appealDuration) {
            return DisputeStatus.Appealable;
        }
        return DisputeStatus.Waiting;
    }

    /// @inheritdoc IArbitrator
    /// @dev The ruling of the last settled round (0 before the first one is settled).
    function currentRuling(uint256 _disputeID) external view returns (uint256 ruling) {
        CourtStorage storage $ = _storage();
        return _dispute($, _disputeID).ruling;
    }

    // ─────────────────────────────── Disputes ───────────────────────────────

    /// @notice Link an evidence document to a dispute (ERC-1497 `Evidence`, evidence group =
    /// dispute id). Anyone, while the dispute is in an Evidence period (of any round); the app marks
    /// submitters other than the parties as third parties.
    /// @param disputeId The dispute.
    /// @param evidenceURI Where the evidence lives (≤ 256 bytes).
    function submitEvidence(uint256 disputeId, string calldata evidenceURI) external {
        DisputeRecord storage d = _dispute(_storage(), disputeId);
        if (d.period != Period.Evidence) revert WrongPeriod(disputeId, d.period);
        if (bytes(evidenceURI).length > MAX_URI_LENGTH) revert URITooLong();
        emit Evidence(this, disputeId, msg.sender, evidenceURI);
    }

    /// @notice Move a dispute to its next period once the current one is over. Anyone.
    /// Evidence → Commit draws the round's jurors (reverts `NoJurors` when nobody can be drawn).
    /// Commit → Reveal also as soon as every drawn juror committed; Reveal → Appeal also as soon as
    /// every drawn juror revealed, and settles the round (ruling, rewards, penalties, locks); in the
    /// last round it goes straight on to Executed. Appeal → Executed when the appeal window is over.
    /// Executing calls the arbitrable's `rule` once; if that call reverts, so does `advance`.
    /// @param disputeId The dispute.
    function advance(uint256 disputeId) external nonReentrant {
        CourtStorage storage $ = _storage();
        DisputeRecord storage d = _dispute($, disputeId);
        Period period = d.period;
        if (period == Period.Executed) revert WrongPeriod(disputeId, period);
        uint256 round = d.round;
        Round storage r = $.rounds[disputeId][round];
        uint256 end = uint256(d.periodStart) + _duration($.params, period);
        bool timeOver = block.timestamp >= end;
        if (period == Period.Evidence) {
            if (!timeOver) revert PeriodNotOver(disputeId, end);
            _draw($, disputeId, round, r);
            _setPeriod(d, disputeId, Period.Commit);
        } else if (period == Period.Commit) {
            if (!timeOver && r.commits < r.jurors.length) revert PeriodNotOver(disputeId, end);
            _setPeriod(d, disputeId, Period.Reveal);
        } else if (period == Period.Reveal) {
            if (!timeOver && r.reveals < r.jurors.length) revert PeriodNotOver(disputeId, end);
            d.ruling = _settle($, disputeId, round, r);
            if (round + 1 >= $.params.maxRounds) {
                _execute(d, disputeId);
            } else {
                _setPeriod(d, disputeId, Period.Appeal);
                emit AppealPossible(disputeId, IArbitrable(d.arbitrable));
            }
        } else {
            if (!timeOver) revert PeriodNotOver(disputeId, end);
            _execute(d, disputeId);
        }
    }

    /// @notice Commit your vote in the dispute's current round: `hashVote(choice, salt, you,
    /// disputeId, round)`. Only a juror drawn in that round, once, during its Commit period.
    /// @param disputeId The dispute.
    /// @param commitment The hash (non-zero).
    function commit(uint256 disputeId, bytes32 commitment) external {
        CourtStorage storage $ = _storage();
        DisputeRecord storage d = _dispute($, disputeId);
        if (d.period != Period.Commit) revert WrongPeriod(disputeId, d.period);
        if (commitment == bytes32(0)) revert InvalidCommitment();
        uint256 round = d.round;
        Round storage r = $.rounds[disputeId][round];
        Ballot storage b = r.ballots[msg.sender];
        if (b.seats == 0) revert NotDrawn(disputeId, msg.sender);
        if (b.commitment != bytes32(0)) revert AlreadyCommitted(disputeId, msg.sender);
        b.commitment = commitment;
        r.commits += 1;
        emit VoteCommitted(disputeId, round, msg.sender, commitment);
    }

    /// @notice Reveal your committed vote in the dispute's current round. Only during its Reveal
    /// period, once; the commitment must equal `hashVote(choice, salt, msg.sender, disputeId, round)`.
    /// @param disputeId The dispute.
    /// @param choice 0 (refuse), 1 or 2 (as the arbitrable's meta-evidence defines them).
    /// @param salt The secret used in the commitment.
    function reveal(uint256 disputeId, uint256 choice, bytes32 salt) external {
        CourtStorage storage $ = _storage();
        DisputeRecord storage d = _dispute($, disputeId);
        if (d.period != Period.Reveal) revert WrongPeriod(disputeId, d.period);
        if (choice > d.choices) revert InvalidChoice(choice);
        uint256 round = d.round;
        Round storage r = $.rounds[disputeId][round];
        Ballot storage b = r.ballots[msg.sender];
        uint256 seats = b.seats;
        if (seats == 0) revert NotDrawn(disputeId, msg.sender);
        bytes32 commitment = b.commitment;
        if (commitment == bytes32(0)) revert NotCommitted(disputeId, msg.sender);
        if (b.revealed) revert AlreadyRevealed(disputeId, msg.sender);
        if (hashVote(choice, salt, msg.sender, disputeId, round) != commitment) {
            revert RevealMismatch(disputeId, msg.sender);
        }
        b.revealed = true;
        b.choice = uint8(choice);
        r.reveals += 1;
        r.tally += uint48(seats << (16 * choice));
        emit VoteRevealed(disputeId, round, msg.sender, choice, seats);
    }

    // ─────────────────────────────── Governance ──────────────────────────────

    /// @notice Set the minimum stake (jurors' draw weights follow on their next stake change).
    /// @param minStake_ Wei, in (0, MAX_MIN_STAKE] and at least `lockPerSeat`.
    function setMinStake(uint256 minStake_) external onlyRole(GOVERNOR_ROLE) {
        Params storage p = _storage().params;
        if (minStake_ == 0 || minStake_ > MAX_MIN_STAKE || minStake_ < p.lockPerSeat) {
            revert InvalidMinStake(minStake_);
        }
        p.minStake = uint128(minStake_);
        emit MinStakeSet(minStake_);
    }

    /// @notice Set the fee per seat, paid by `createDispute` (3 seats) and by each appeal.
    /// @param feePerSeat_ Wei, at most MAX_FEE_PER_SEAT (0 makes the court free).
    function setFeePerSeat(uint256 feePerSeat_) external onlyRole(GOVERNOR_ROLE) {
        _setFeePerSeat(feePerSeat_);
    }

    /// @notice Set the stake each drawn seat locks (and an incoherent seat loses), for future draws.
    /// @param lockPerSeat_ Wei, in (0, minStake].
    function setLockPerSeat(uint256 lockPerSeat_) external onlyRole(GOVERNOR_ROLE) {
        _setLockPerSeat(lockPerSeat_);
    }

    /// @notice Set the period durations (they apply to current periods too).
    /// @param evidence Seconds of the Evidence period.
    /// @param commit_ Seconds of the Commit period.
    /// @param reveal_ Seconds of the Reveal period.
    /// @param appeal_ Seconds of the Appeal period.
    function setDurations(uint32 evidence, uint32 commit_, uint32 reveal_, uint32 appeal_)
        external
        onlyRole(GOVERNOR_ROLE)
    {
        _setDurations(evidence, commit_, reveal_, appeal_);
    }

    /// @notice Set how many rounds a dispute may have (the first one and its appeals).
    /// @param maxRounds_ 1..MAX_ROUNDS_LIMIT.
    function setMaxRounds(uint8 maxRounds_) external onlyRole(GOVERNOR_ROLE) {
        _setMaxRounds(maxRounds_);
    }

    /// @notice Set the receiver of fees and penalties no coherent juror earned (credited on settlement).
    /// @param treasury_ The new treasury.
    function setTreasury(address treasury_) external onlyRole(GOVERNOR_ROLE) {
        _setTreasury(treasury_);
    }

    // ──────────────────────────────── Reads ────────────────────────────────

    /// @notice The commitment a juror submits: keccak256(abi.encode(choice, salt, juror, disputeId, round)).
    /// Binding the juror, dispute and round means a copied commitment cannot be revealed by anyone else.
    /// @param choice The vote.
    /// @param salt A secret random value.
    /// @param juror The juror's address.
    /// @param disputeId The dispute.
    /// @param round The round.
    function hashVote(uint256 choice, bytes32 salt, address juror, uint256 disputeId, uint256 round)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(choice, salt, juror, disputeId, round));
    }

    /// @notice Seats drawn in round `round` (0-based): 3, 7, 15, 31, 63.
    /// @param round The round.
    function seatsFor(uint256 round) public pure returns (uint256) {
        return ((FIRST_SEATS + 1) << round) - 1;
    }

    /// @notice A dispute with its current period's end and appeal cost.
    /// @param disputeId The dispute.
    function getDispute(uint256 disputeId) external view returns (DisputeView memory v) {
        CourtStorage storage $ = _storage();
        DisputeRecord storage d = _dispute($, disputeId);
        v.arbitrable = d.arbitrable;
        v.choices = d.choices;
        v.round = d.round;
        v.period = d.period;
        v.ruling = d.ruling;
        v.periodStart = d.periodStart;
        if (d.period != Period.Executed) v.periodEnd = uint40(d.periodStart + _duration($.params, d.period));
        v.appealCost = _appealCost($, d);
    }

    /// @notice One round of a dispute with every drawn juror's ballot (empty before the draw).
    /// @param disputeId The dispute.
    /// @param round The round (0-based).
    function getRound(uint256 disputeId, uint256 round) external view returns (RoundView memory v) {
        CourtStorage storage $ = _storage();
        _dispute($, disputeId);
        Round storage r = $.rounds[disputeId][round];
        v.seats = r.seats;
        v.commits = r.commits;
        v.reveals = r.reveals;
        uint256 tally = r.tally;
        for (uint256 c; c < 3; ++c) {
            v.votes[c] = uint16(tally >> (16 * c));
        }
        v.coherentSeats = r.coherentSeats;
        v.ruling = r.ruling;
        v.settled = r.settled;
        v.fees = r.fees;
        v.penalties = r.penalties;
        v.rewards = r.rewards;
        uint256 n = r.jurors.length;
        v.ballots = new BallotView[](n);
        for (uint256 i; i < n; ++i) {
            address juror = r.jurors[i];
            v.ballots[i] = _ballotView(juror, r.ballots[juror]);
        }
    }

    /// @notice `juror`'s ballot in one round (zero seats when it was not drawn).
    /// @param disputeId The dispute.
    /// @param round The round.
    /// @param juror The juror.
    function getJurorVote(uint256 disputeId, uint256 round, address juror)
        external
        view
        returns (BallotView memory)
    {
        return _ballotView(juror, _storage().rounds[disputeId][round].ballots[juror]);
    }

    /// @notice A juror's stake, locked stake, credit and current draw weight.
    /// @param account The juror.
    function jurorOf(address account) external view returns (JurorView memory v) {
        CourtStorage storage $ = _storage();
        Juror storage j = $.jurors[account];
        v.stake = j.stake;
        v.locked = j.locked;
        v.withdrawable = j.withdrawable;
        v.drawWeight = $.tree.valueOf(account);
    }

    /// @notice Every governance parameter.
    function params() external view returns (Params memory) {
        return _storage().params;
    }

    /// @notice Number of disputes ever created (the highest dispute id; ids start at 1).
    function disputeCount() external view returns (uint256) {
        return _storage().disputeCount;
    }

    /// @notice Sum of every juror's stake (locked included).
    function totalStaked() external view returns (uint256) {
        return _storage().totalStaked;
    }

    /// @notice Fees paid for rounds not settled yet.
    function heldFees() external view returns (uint256) {
        return _storage().heldFees;
    }

    /// @notice Sum of every credit not withdrawn yet.
    function totalCredits() external view returns (uint256) {
        return _storage().totalCredits;
    }

    /// @notice Sum of every juror's draw weight (0: `advance` out of Evidence would revert NoJurors).
    function totalDrawWeight() external view returns (uint256) {
        return _storage().tree.total();
    }

    /// @notice ERC-165: AccessControl's interfaces and IArbitrator.
    /// @param interfaceId The interface.
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == type(IArbitrator).interfaceId || super.supportsInterface(interfaceId);
    }

    // ─────────────────────────────── Internals ──────────────────────────────

    /// Draws the round's seats, locking stake per seat. Seed: see the contract's NatSpec.
    function _draw(CourtStorage storage $, uint256 disputeId, uint256 round, Round storage r) private {
        bytes32 seed = keccak256(abi.encode(block.prevrandao, disputeId, round));
        uint256 seats = r.seats;
        uint256 lockPerSeat = $.params.lockPerSeat;
        for (uint256 seat; seat < seats; ++seat) {
            uint256 weight = $.tree.total();
            if (weight == 0) revert NoJurors();
            address juror = $.tree.draw(uint256(keccak256(abi.encode(seed, seat))) % weight);
            Juror storage j = $.jurors[juror];
            uint256 free = j.stake - j.locked;
            uint256 lock = lockPerSeat < free ? lockPerSeat : free;
            j.locked += uint128(lock);
            Ballot storage b = r.ballots[juror];
            if (b.seats == 0) r.jurors.push(juror);
            b.seats += 1;
            b.locked += uint128(lock);
            _sync($, juror, j);
            emit JurorDrawn(disputeId, round, juror, seat);
        }
    }

    /// What the settlement passes need to know about the round.
    struct Settlement {
        uint256 disputeId;
        uint256 round;
        uint8 ruling;
        uint256 coherentSeats;
        uint256 pool;
    }

    /// Tallies the round, settles every drawn juror and returns the round's ruling.
    function _settle(CourtStorage storage $, uint256 disputeId, uint256 round, Round storage r)
        private
        returns (uint8)
    {
        Settlement memory s;
        s.disputeId = disputeId;
        s.round = round;
        (s.ruling, s.coherentSeats) = _tally(r.tally);
        uint256 penalties = _penalise($, r, s);
        uint256 fees = r.fees;
        s.pool = fees + penalties;
        uint256 rewards = s.coherentSeats == 0 ? 0 : _reward($, r, s);
        uint256 toTreasury = s.pool - rewards;
        if (toTreasury != 0) $.jurors[$.params.treasury].withdrawable += toTreasury;
        $.totalStaked -= uint128(penalties);
        $.heldFees -= uint128(fees);
        $.totalCredits += uint128(s.pool);
        r.ruling = s.ruling;
        r.coherentSeats = uint16(s.coherentSeats);
        r.settled = true;
        r.penalties = uint128(penalties);
        r.rewards = uint128(rewards);
        emit RoundSettled(disputeId, round, s.ruling, s.coherentSeats, fees, penalties, toTreasury);
        return s.ruling;
    }

    /// The choice with strictly the most seats and its seats; (0, 0) on a tie or when nobody revealed.
    function _tally(uint256 tally) private pure returns (uint8 ruling, uint256 coherentSeats) {
        uint256 best;
        bool tie = true;
        for (uint256 c; c <= CHOICES; ++c) {
            uint256 v = uint16(tally >> (16 * c));
            if (v > best) {
                (best, ruling, tie) = (v, uint8(c), false);
            } else if (v == best) {
                tie = true;
            }
        }
        if (tie) return (0, 0);
        return (ruling, best);
    }

    /// Settles everyone but the coherent jurors: non-revealers always, and incoherent revealers when
    /// the round has a winner, lose their locked stake; revealers of a round without a winner get
    /// their lock back. Returns the sum of penalties.
    function _penalise(CourtStorage storage $, Round storage r, Settlement memory s)
        private
        returns (uint256 penalties)
    {
        bool hasWinner = s.coherentSeats != 0;
        address[] storage jurors = r.jurors;
        uint256 n = jurors.length;
        for (uint256 i; i < n; ++i) {
            address account = jurors[i];
            Ballot storage b = r.ballots[account];
            bool revealed = b.revealed;
            if (hasWinner && revealed && b.choice == s.ruling) continue;
            Juror storage j = $.jurors[account];
            uint128 lock = b.locked;
            j.locked -= lock;
            if (!revealed || hasWinner) {
                j.stake -= lock;
                penalties += lock;
                emit JurorSettled(s.disputeId, s.round, account, 0, lock, 0);
            } else {
                emit JurorSettled(s.disputeId, s.round, account, lock, 0, 0);
            }
            _sync($, account, j);
        }
    }

    /// Coherent jurors get their lock back and `pool · seats / coherentSeats`. Returns the sum paid.
    function _reward(CourtStorage storage $, Round storage r, Settlement memory s) private returns (uint256 rewards) {
        address[] storage jurors = r.jurors;
        uint256 n = jurors.length;
        for (uint256 i; i < n; ++i) {
            address account = jurors[i];
            Ballot storage b = r.ballots[account];
            if (!b.revealed || b.choice != s.ruling) continue;
            Juror storage j = $.jurors[account];
            uint128 lock = b.locked;
            uint256 reward = s.pool * b.seats / s.coherentSeats;
            j.locked -= lock;
            j.withdrawable += reward;
            rewards += reward;
            _sync($, account, j);
            emit JurorSettled(s.disputeId, s.round, account, lock, 0, reward);
        }
    }

    /// Marks the dispute executed and passes its ruling to the arbitrable, once.
    function _execute(DisputeRecord storage d, uint256 disputeId) private {
        _setPeriod(d, disputeId, Period.Executed);
        address arbitrable = d.arbitrable;
        uint256 ruling = d.ruling;
        emit DisputeExecuted(disputeId, arbitrable, ruling);
        IArbitrable(arbitrable).rule(disputeId, ruling);
    }

    function _setPeriod(DisputeRecord storage d, uint256 disputeId, Period period) private {
        d.period = period;
        d.periodStart = uint40(block.timestamp);
        emit NewPeriod(disputeId, d.round, period, block.timestamp);
    }

    /// Recomputes a juror's draw weight: its free stake if it may be drawn for a seat, else 0.
    function _sync(CourtStorage storage $, address account, Juror storage j) private {
        uint256 stake_ = j.stake;
        uint256 free = stake_ - j.locked;
        Params storage p = $.params;
        uint256 weight = stake_ >= p.minStake && free >= p.lockPerSeat ? free : 0;
        $.tree.set(account, weight);
    }

    function _appealCost(CourtStorage storage $, DisputeRecord storage d) private view returns (uint256) {
        uint256 next = uint256(d.round) + 1;
        if (d.period == Period.Executed || next >= $.params.maxRounds) return type(uint256).max;
        return seatsFor(next) * $.params.feePerSeat;
    }

    function _duration(Params storage p, Period period) private view returns (uint256) {
        if (period == Period.Evidence) return p.evidenceDuration;
        if (period == Period.Commit) return p.commitDuration;
        if (period == Period.Reveal) return p.revealDuration;
        if (period == Period.Appeal) return p.appealDuration;
        return 0;
    }

    function _ballotView(address juror, Ballot storage b) private view returns (BallotView memory v) {
        v.juror = juror;
        v.seats = b.seats;
        v.committed = b.commitment != bytes32(0);
        v.revealed = b.revealed;
        v.choice = b.choice;
        v.locked = b.locked;
        v.commitment = b.commitment;
    }

    function _dispute(CourtStorage storage $, uint256 disputeId) private view returns (DisputeRecord storage d) {
        d = $.disputes[disputeId];
        if (d.arbitrable == address(0)) revert UnknownDispute(disputeId);
    }

    function _setFeePerSeat(uint256 feePerSeat_) private {
        if (feePerSeat_ > MAX_FEE_PER_SEAT) revert InvalidFeePerSeat(feePerSeat_);
        _storage().params.feePerSeat = uint128(feePerSeat_);
        emit FeePerSeatSet(feePerSeat_);
    }

    function _setLockPerSeat(uint256 lockPerSeat_) private {
        Params storage p = _storage().params;
        if (lockPerSeat_ == 0 || lockPerSeat_ > p.minStake) revert InvalidLockPerSeat(lockPerSeat_);
        p.lockPerSeat = uint128(lockPerSeat_);
        emit LockPerSeatSet(lockPerSeat_);
    }

    function _setDurations(uint32 evidence, uint32 commit_, uint32 reveal_, uint32 appeal_) private {
        _checkDuration(evidence);
        _checkDuration(commit_);
        _checkDuration(reveal_);
        _checkDuration(appeal_);
        Params storage p = _storage().params;
        p.evidenceDuration = evidence;
        p.commitDuration = commit_;
        p.revealDuration = reveal_;
        p.appealDuration = appeal_;
        emit DurationsSet(evidence, commit_, reveal_, appeal_);
    }

    function _setMaxRounds(uint8 maxRounds_) private {
        if (maxRounds_ == 0 || maxRounds_ > MAX_ROUNDS_LIMIT) revert InvalidMaxRounds(maxRounds_);
        _storage().params.maxRounds = maxRounds_;
        emit MaxRoundsSet(maxRounds_);
    }

    function _setTreasury(address treasury_) private {
        if (treasury_ == address(0)) revert ZeroAddress();
        _storage().params.treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    function _checkDuration(uint32 duration) private pure {
        if (duration < MIN_DURATION || duration > MAX_DURATION) revert InvalidDuration(duration);
    }

    function _send(address to, uint256 amount) private {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    function _authorizeUpgrade(address) internal override onlyRole(UPGRADER_ROLE) {}

    function _storage() private pure returns (CourtStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }
}
