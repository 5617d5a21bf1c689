// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IERC5192
/// @notice ERC-5192 Minimal Soulbound NFTs. The interface id is 0xb45a3c0e.
interface IERC5192 {
    /// @notice Emitted when the locking status is changed to locked. A token minted locked emits it at mint.
    event Locked(uint256 tokenId);

    /// @notice Emitted when the locking status is changed to unlocked.
    event Unlocked(uint256 tokenId);

    /// @notice Whether `tokenId` is locked (cannot be transferred). Reverts for tokens that do not exist.
    /// @param tokenId The token.
    function locked(uint256 tokenId) external view returns (bool);
}
