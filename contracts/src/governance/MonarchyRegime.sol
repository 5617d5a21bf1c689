// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Constitution} from "./Constitution.sol";
import {IRegime, RegimeKind} from "./IRegime.sol";

/// @title MonarchyRegime
/// @notice Absolute monarchy: one account, the monarch, decides alone — but through the timelock.
/// While this regime is active (it holds the Constitution's proposer, canceller and executor
/// roles) the monarch schedules batches of calls, waits the timelock's delay, in which everyone
/// sees what is coming and may leave, and executes them; the monarch may also cancel anything
/// pending. Changing the regime is such an operation too (`Constitution.switchRegime`).
///
/// Succession: the monarch names an heir and may abdicate to them at any time. Every action of
/// the monarch (and an explicit `heartbeat`) proves the monarch alive; if the monarch stays silent
/// for `heartbeatPeriod` seconds while the regime is active, the heir may claim the crown. Silence
/// counts from the last heartbeat or from the regime taking office, whichever is later, so an old
/// monarchy restored by a regime change starts with a fresh period. The heartbeat period is a
/// governance parameter: only the timelock sets it.
///
/// @dev Not upgradeable: a different monarchy is a new contract installed by a regime change.
contract MonarchyRegime is IRegime {
    /// @notice Most calls in one scheduled operation.
    uint256 public constant MAX_ACTIONS = 10;
    /// @notice Shortest heartbeat period governance may set.
    uint32 public constant MIN_HEARTBEAT_PERIOD = 1 hours;
    /// @notice Longest heartbeat period governance may set.
    uint32 public constant MAX_HEARTBEAT_PERIOD = 730 days;

    Constitution private immutable _constitution;

    // One slot: read by every monarch action.
    address private _monarch;
    uint48 private _lastHeartbeat;
    uint32 private _heartbeatPeriod;
    address private _heir;

    /// @notice The monarch proved to be alive (by any action of theirs).
    event Heartbeat(address indexed monarch, uint48 at);
    /// @notice `monarch` named `heir` (zero: no heir).
    event HeirNamed(address indexed monarch, address indexed heir);
    /// @notice `monarch` abdicated; `heir` reigns.
    event Abdicated(address indexed monarch, address indexed heir);
    /// @notice `heir` claimed the crown of `previousMonarch`, silent for a whole heartbeat period.
    event CrownClaimed(address indexed heir, address indexed previousMonarch);
    /// @notice `monarch` reigns from now on (at deployment, abdication or succession).
    event Crowned(address indexed monarch);
    /// @notice Governance set the heartbeat period.
    event HeartbeatPeriodSet(uint32 heartbeatPeriod);

    /// @notice Only the monarch may do this.
    error NotMonarch(address caller);
    /// @notice Only the heir may do this.
    error NotHeir(address caller);
    /// @notice Abdication needs an heir.
    error NoHeir();
    /// @notice The heir cannot be the monarch.
    error InvalidHeir(address heir);
    /// @notice The monarch was heard from recently: the crown can be claimed from `claimableAt`.
    error MonarchAlive(uint256 claimableAt);
    /// @notice This monarchy is not the Constitution's active regime.
    error RegimeNotActive();
    /// @notice A heartbeat period outside [MIN_HEARTBEAT_PERIOD, MAX_HEARTBEAT_PERIOD].
    error InvalidHeartbeatPeriod(uint32 heartbeatPeriod);
    /// @notice Only the timelock (the Constitution) may do this.
    error OnlyTimelock(address caller);
    /// @notice An operation must have 1..MAX_ACTIONS calls.
    error InvalidActionCount(uint256 actions, uint256 max);
    /// @notice The zero address where an account is needed.
    error ZeroAddress();

    /// @param constitution_ The Constitution (timelock) this monarchy drives.
    /// @param monarch_ The first monarch.
    /// @param heir_ The first heir (zero: none).
    /// @param heartbeatPeriod_ Seconds of silence after which the heir may claim the crown.
    constructor(Constitution constitution_, address monarch_, address heir_, uint32 heartbeatPeriod_) {
        if (address(constitution_) == address(0) || monarch_ == address(0)) revert ZeroAddress();
        if (heir_ == monarch_) revert InvalidHeir(heir_);
        _checkHeartbeatPeriod(heartbeatPeriod_);
        _constitution = constitution_;
        _monarch = monarch_;
        _lastHeartbeat = uint48(block.timestamp);
        _heartbeatPeriod = heartbeatPeriod_;
        _heir = heir_;
        emit Crowned(monarch_);
        emit HeirNamed(monarch_, heir_);
        emit HeartbeatPeriodSet(heartbeatPeriod_);
    }

    // ──────────────────────────── Timelocked operations ────────────────────────────

    /// @notice Schedule a batch of calls on the timelock, executable after `delay` seconds (at
    /// least the timelock's minimum delay). Only the monarch, while the regime is active.
    /// @param targets Contracts to call (1..MAX_ACTIONS).
    /// @param values Wei sent with each call (from the timelock's balance).
    /// @param payloads Calldata of each call.
    /// @param salt Distinguishes otherwise identical operations.
    /// @param delay Seconds before the operation may execute.
    /// @return id The timelock operation id.
    function schedule(
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata payloads,
        bytes32 salt,
        uint256 delay
    ) external returns (bytes32 id) {
        _monarchActs();
        if (targets.length == 0 || targets.length > MAX_ACTIONS) {
            revert InvalidActionCount(targets.length, MAX_ACTIONS);
        }
        Constitution c = _constitution;
        id = c.hashOperationBatch(targets, values, payloads, 0, salt);
        c.scheduleBatch(targets, values, payloads, 0, salt, delay);
    }

    /// @notice Execute a scheduled batch once its delay has passed. Only the monarch, while the
    /// regime is active. ETH sent along is forwarded to the timelock.
    /// @param targets As scheduled.
    /// @param values As scheduled.
    /// @param payloads As scheduled.
    /// @param salt As scheduled.
    function execute(address[] calldata targets, uint256[] calldata values, bytes[] calldata payloads, bytes32 salt)
        external
        payable
    {
        _monarchActs();
        _constitution.executeBatch{value: msg.value}(targets, values, payloads, 0, salt);
    }

    /// @notice Cancel a pending operation (this monarchy's or a deposed regime's). Only the monarch,
    /// while the regime is active.
    /// @param id The timelock operation id.
    function cancel(bytes32 id) external {
        _monarchActs();
        _constitution.cancel(id);
    }

    // ──────────────────────────────── Succession ────────────────────────────────

    /// @notice Prove the monarch alive, restarting the heartbeat period. Only the monarch.
    function heartbeat() external {
        _monarchActs();
    }

    /// @notice Name the heir (zero: none). Only the monarch.
    /// @param heir_ The heir; not the monarch.
    function nameHeir(address heir_) external {
        address monarch_ = _monarchActs();
        if (heir_ == monarch_) revert InvalidHeir(heir_);
        _heir = heir_;
        emit HeirNamed(monarch_, heir_);
    }

    /// @notice Give the crown to the heir now. Only the monarch; the new monarch has no heir yet.
    function abdicate() external {
        address monarch_ = _onlyMonarch();
        address heir_ = _heir;
        if (heir_ == address(0)) revert NoHeir();
        _crown(heir_);
        emit Abdicated(monarch_, heir_);
    }

    /// @notice Take the crown of a monarch silent for a whole heartbeat period. Only the heir,
    /// while the regime is active; the new monarch has no heir yet.
    function claimCrown() external {
        address heir_ = _heir;
        if (msg.sender != heir_ || heir_ == address(0)) revert NotHeir(msg.sender);
        if (!isActive()) revert RegimeNotActive();
        uint256 claimableAt = crownClaimableAt();
        if (block.timestamp < claimableAt) revert MonarchAlive(claimableAt);
        address previous = _monarch;
        _crown(heir_);
        emit CrownClaimed(heir_, previous);
    }

    /// @notice Set the heartbeat period. Only the timelock.
    /// @param heartbeatPeriod_ Seconds, within [MIN_HEARTBEAT_PERIOD, MAX_HEARTBEAT_PERIOD].
    function setHeartbeatPeriod(uint32 heartbeatPeriod_) external {
        if (msg.sender != address(_constitution)) revert OnlyTimelock(msg.sender);
        _checkHeartbeatPeriod(heartbeatPeriod_);
        _heartbeatPeriod = heartbeatPeriod_;
        emit HeartbeatPeriodSet(heartbeatPeriod_);
    }

    // ──────────────────────────────────── Reads ────────────────────────────────────

    /// @inheritdoc IRegime
    function regimeKind() external pure returns (RegimeKind) {
        return RegimeKind.Monarchy;
    }

    /// @inheritdoc IRegime
    function timelock() external view returns (address) {
        return address(_constitution);
    }

    /// @notice The Constitution this monarchy drives.
    function constitution() external view returns (Constitution) {
        return _constitution;
    }

    /// @notice Whether this monarchy is the Constitution's active regime.
    function isActive() public view returns (bool) {
        return _constitution.regime() == address(this);
    }

    /// @notice The reigning monarch.
    function monarch() external view returns (address) {
        return _monarch;
    }

    /// @notice The heir (zero: none).
    function heir() external view returns (address) {
        return _heir;
    }

    /// @notice When the monarch last proved to be alive.
    function lastHeartbeat() external view returns (uint48) {
        return _lastHeartbeat;
    }

    /// @notice Seconds of silence after which the heir may claim the crown.
    function heartbeatPeriod() external view returns (uint32) {
        return _heartbeatPeriod;
    }

    /// @notice From when the heir may claim the crown, if the monarch stays silent:
    /// `max(lastHeartbeat, regimeSince) + heartbeatPeriod` (meaningful while the regime is active).
    function crownClaimableAt() public view returns (uint256) {
        uint256 last = _lastHeartbeat;
        uint256 since = _constitution.regimeSince();
        return (since > last ? since : last) + _heartbeatPeriod;
    }

    /// @notice The timelock id of a batch as this monarchy schedules it (no predecessor).
    /// @param targets Contracts to call.
    /// @param values Wei sent with each call.
    /// @param payloads Calldata of each call.
    /// @param salt The salt.
    function operationId(address[] calldata targets, uint256[] calldata values, bytes[] calldata payloads, bytes32 salt)
        external
        view
        returns (bytes32)
    {
        return _constitution.hashOperationBatch(targets, values, payloads, 0, salt);
    }

    // ────────────────────────────────── Internals ──────────────────────────────────

    function _onlyMonarch() private view returns (address monarch_) {
        monarch_ = _monarch;
        if (msg.sender != monarch_) revert NotMonarch(msg.sender);
    }

    /// Checks the caller is the monarch and records the heartbeat.
    function _monarchActs() private returns (address monarch_) {
        monarch_ = _onlyMonarch();
        uint48 now_ = uint48(block.timestamp);
        _lastHeartbeat = now_;
        emit Heartbeat(monarch_, now_);
    }

    function _crown(address next) private {
        _monarch = next;
        _heir = address(0);
        _lastHeartbeat = uint48(block.timestamp);
        emit Crowned(next);
    }

    function _checkHeartbeatPeriod(uint32 heartbeatPeriod_) private pure {
        if (heartbeatPeriod_ < MIN_HEARTBEAT_PERIOD || heartbeatPeriod_ > MAX_HEARTBEAT_PERIOD) {
            revert InvalidHeartbeatPeriod(heartbeatPeriod_);
        }
    }
}
