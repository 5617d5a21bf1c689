// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Constitution} from "./Constitution.sol";
import {CouncilSeats} from "./CouncilSeats.sol";
import {RegimeKind} from "./IRegime.sol";
import {RegimeGovernor} from "./RegimeGovernor.sol";

/// @title CouncilGovernor
/// @notice Government by a council: an OpenZeppelin Governor whose votes are the seats of a
/// `CouncilSeats` — one seat, one vote, non-transferable, checkpointed. A member proposes (the
/// proposal threshold is one seat by default), members vote Against / For / Abstain, and a
/// proposal passes with more For than Against and a quorum of For + Abstain reaching
/// `quorumNumerator`% of the seats taken at the snapshot (rounded up). Passed proposals are
/// queued on the Constitution's timelock and executed after its delay. Admitting and
/// discharging members are ordinary proposals calling `CouncilSeats.admit` / `discharge`.
/// See RegimeGovernor for the rules shared with the democracy.
contract CouncilGovernor is RegimeGovernor {
    CouncilSeats private immutable _seats;

    /// @param seats_ The council's seats.
    /// @param timelock_ The Constitution.
    /// @param votingDelay_ Seconds between proposing and the snapshot, at least 1.
    /// @param votingPeriod_ Seconds of voting.
    /// @param proposalThreshold_ Seats needed to propose (1: any member).
    /// @param quorumNumerator_ Quorum in percent of the seats taken at the snapshot.
    constructor(
        CouncilSeats seats_,
        Constitution timelock_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_,
        uint256 quorumNumerator_
    )
        RegimeGovernor(
            "OSO Council", seats_, timelock_, votingDelay_, votingPeriod_, proposalThreshold_, quorumNumerator_
        )
    {
        _seats = seats_;
    }

    /// @notice RegimeKind.Council.
    function regimeKind() external pure returns (RegimeKind) {
        return RegimeKind.Council;
    }

    /// @notice The council's seats (the votes source).
    function seats() external view returns (CouncilSeats) {
        return _seats;
    }
}
