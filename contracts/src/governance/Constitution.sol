// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IRegime, RegimeKind} from "./IRegime.sol";

/// @title Constitution
/// @notice The Open Source Organization's timelock, and the record of which regime governs it.
///
/// It is an OpenZeppelin TimelockController: it owns every module (upgrades, parameters, the
/// treasury) and runs only operations that waited `getMinDelay()` seconds in public view, so
/// anyone who dislikes what is coming has time to leave. On top of that it records the active
/// regime — a `MonarchyRegime`, a `CouncilGovernor` or a `DemocracyGovernor` — and hands that
/// contract, and only that contract, the timelock's proposer, canceller and executor roles.
///
/// Exactly one regime can propose at any time, by construction:
/// - the timelock has no role admin at all: the constructor revokes the timelock's own
///   DEFAULT_ADMIN_ROLE, so `grantRole` and `revokeRole` revert for everyone, and
///   `renounceRole` of the three regime roles is refused;
/// - the only code that moves those roles is `_install`, reached once from `establish` (the
///   deployer names the first regime) and afterwards only from `switchRegime`, which only the
///   timelock itself may call — a regime change is an ordinary timelocked operation that the
///   current regime proposes and that waits the delay like any other;
/// - `_install` revokes all three roles from the old regime and grants them to the new one in
///   the same call, so the swap is atomic.
///
/// Executing is restricted too: operations scheduled by a deposed regime and not yet executed
/// can no longer be executed (the old regime lost EXECUTOR_ROLE, and the new one only executes
/// its own). The new regime, holding CANCELLER_ROLE, may also cancel them.
///
/// Regime parameters (voting periods, quorum, heartbeat period, council seats, …) live in the
/// regime contracts; the timelock's own minimum delay is changed by an operation calling
/// `updateDelay` on this contract.
contract Constitution is TimelockController {
    /// @notice The account that deployed the Constitution; it may call `establish` once, nothing else.
    address public immutable founder;

    address private _regime;
    RegimeKind private _regimeKind;
    uint48 private _regimeSince;

    /// @notice Governance passed from `previousRegime` (zero when first established) to `regime`.
    event RegimeChanged(
        RegimeKind indexed previousKind, address indexed previousRegime, RegimeKind indexed kind, address regime
    );

    /// @notice Only the founder may establish the first regime.
    error NotFounder(address caller);
    /// @notice The first regime has already been established.
    error AlreadyEstablished();
    /// @notice `account` is not a regime contract (no code, or no valid `regimeKind()`/`timelock()`).
    error NotARegime(address account);
    /// @notice `regime` drives another timelock (`timelock`), not this one.
    error RegimeTimelockMismatch(address regime, address timelock);
    /// @notice `regime` is already the active regime.
    error RegimeUnchanged(address regime);
    /// @notice The proposer, canceller and executor roles move only with a regime change.
    error RegimeRoleFixed(bytes32 role);

    /// @notice Deploys the timelock with no proposer, no executor and no role admin.
    /// @param minDelay Initial minimum delay of every operation, in seconds.
    constructor(uint256 minDelay) TimelockController(minDelay, new address[](0), new address[](0), address(0)) {
        founder = msg.sender;
        _revokeRole(DEFAULT_ADMIN_ROLE, address(this));
    }

    /// @notice Install the first regime. Only the founder, once.
    /// @param firstRegime A regime contract whose `timelock()` is this contract.
    function establish(address firstRegime) external {
        if (msg.sender != founder) revert NotFounder(msg.sender);
        if (_regime != address(0)) revert AlreadyEstablished();
        _install(firstRegime);
    }

    /// @notice Hand governance to `newRegime`: it receives the proposer, canceller and executor
    /// roles, the current regime loses them, atomically. Only the timelock itself, that is, as an
    /// operation the current regime scheduled and that waited the delay.
    /// @param newRegime A regime contract whose `timelock()` is this contract.
    function switchRegime(address newRegime) external {
        if (msg.sender != address(this)) revert TimelockUnauthorizedCaller(msg.sender);
        _install(newRegime);
    }

    /// @notice The proposer, canceller and executor roles cannot be renounced (a regime leaves
    /// only through `switchRegime`); any other role may be renounced as usual.
    /// @param role The role.
    /// @param callerConfirmation The caller's own address.
    function renounceRole(bytes32 role, address callerConfirmation) public override {
        if (role == PROPOSER_ROLE || role == CANCELLER_ROLE || role == EXECUTOR_ROLE) revert RegimeRoleFixed(role);
        super.renounceRole(role, callerConfirmation);
    }

    /// @notice The active regime contract (zero before `establish`).
    function regime() external view returns (address) {
        return _regime;
    }

    /// @notice The kind of the active regime (None before `establish`).
    function regimeKind() external view returns (RegimeKind) {
        return _regimeKind;
    }

    /// @notice When the active regime took office (unix seconds; zero before `establish`).
    function regimeSince() external view returns (uint48) {
        return _regimeSince;
    }

    /// @notice The active regime in one call: its kind, its contract and when it took office.
    function currentRegime() external view returns (RegimeKind kind, address regime_, uint48 since) {
        return (_regimeKind, _regime, _regimeSince);
    }

    function _install(address newRegime) private {
        RegimeKind kind = _checkRegime(newRegime);
        address previous = _regime;
        if (newRegime == previous) revert RegimeUnchanged(newRegime);
        RegimeKind previousKind = _regimeKind;
        if (previous != address(0)) {
            _revokeRole(PROPOSER_ROLE, previous);
            _revokeRole(CANCELLER_ROLE, previous);
            _revokeRole(EXECUTOR_ROLE, previous);
        }
        _grantRole(PROPOSER_ROLE, newRegime);
        _grantRole(CANCELLER_ROLE, newRegime);
        _grantRole(EXECUTOR_ROLE, newRegime);
        _regime = newRegime;
        _regimeKind = kind;
        _regimeSince = uint48(block.timestamp);
        emit RegimeChanged(previousKind, previous, kind, newRegime);
    }

    function _checkRegime(address account) private view returns (RegimeKind kind) {
        if (account.code.length == 0) revert NotARegime(account);
        try IRegime(account).regimeKind() returns (RegimeKind k) {
            kind = k;
        } catch {
            revert NotARegime(account);
        }
        if (kind == RegimeKind.None) revert NotARegime(account);
        address drives;
        try IRegime(account).timelock() returns (address t) {
            drives = t;
        } catch {
            revert NotARegime(account);
        }
        if (drives != address(this)) revert RegimeTimelockMismatch(account, drives);
    }
}
