// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @notice The three ways the Open Source Organization can be governed (None: not established yet).
enum RegimeKind {
    None,
    Monarchy,
    Council,
    Democracy
}

/// @title IRegime
/// @notice What the Constitution asks of a regime contract before handing it the timelock's
/// proposer, canceller and executor roles: which kind it is and which timelock it drives.
interface IRegime {
    /// @notice The kind of regime this contract implements.
    function regimeKind() external view returns (RegimeKind);

    /// @notice The timelock (the Constitution) this regime schedules its operations on.
    function timelock() external view returns (address);
}
