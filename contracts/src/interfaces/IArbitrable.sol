// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IArbitrator} from "./IArbitrator.sol";

/// @title IArbitrable
/// @notice ERC-792 arbitrable: a contract whose disputes an IArbitrator rules on.
interface IArbitrable {
    /// @notice `_arbitrator` gave the final ruling `_ruling` on its dispute `_disputeID`.
    event Ruling(IArbitrator indexed _arbitrator, uint256 indexed _disputeID, uint256 _ruling);

    /// @notice Receive the final ruling of a dispute. Only the dispute's arbitrator.
    /// @param _disputeID The arbitrator's dispute id.
    /// @param _ruling 0 = refused, else the winning choice.
    function rule(uint256 _disputeID, uint256 _ruling) external;
}
