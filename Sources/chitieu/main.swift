print("chitieu")
